package triage

// Flag is one red flag triage can raise, as data/rules.yaml names it.
type Flag struct {
	// ID is the flag's permanent id in data/rules.yaml, such as "saddle"; Result.Flag carries it.
	ID string
	// Name is the flag's plain name, such as "saddle numbness"; Result.Category carries it.
	Name string
	Tier Tier
}

// Flags returns every red flag triage can raise, most urgent first. Other packages check ids
// against it, such as the FAQ entries that explain a flag (the `explains:` field).
func Flags() []Flag {
	out := make([]Flag, len(rules.flags))
	for i, fl := range rules.flags {
		out[i] = Flag{ID: fl.ID, Name: fl.Name, Tier: fl.Tier}
	}
	return out
}
