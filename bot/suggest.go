package bot

import "strings"

// Suggest returns up to n FAQ topics for what someone has typed so far, for autocomplete:
// first the entries whose question has every typed word as the start of one of its words (the
// last word is usually half typed), then the matcher's best entries for the text. With nothing
// typed it returns the first n entries.
func (b *Bot) Suggest(typed string, n int) []Topic {
	st := b.state.Load()
	text := Clean(typed)
	var out []Topic
	seen := map[string]bool{}
	add := func(id, question string) {
		if id != "" && !seen[id] && len(out) < n {
			seen[id] = true
			out = append(out, Topic{ID: id, Question: question})
		}
	}
	words := strings.Fields(strings.ToLower(text))
	for _, e := range st.faq.Entries {
		if startsWords(strings.Fields(strings.ToLower(e.Question)), words) {
			add(e.ID, e.Question)
		}
	}
	if len(words) > 0 {
		m := st.index.Match(text)
		if m.Best.Score > 0 {
			add(m.Best.ID, m.Best.Question)
		}
		for _, c := range m.Alternatives {
			add(c.ID, c.Question)
		}
	}
	return out
}

// startsWords reports whether every typed word starts one of the question's words.
func startsWords(question, typed []string) bool {
	for _, t := range typed {
		found := false
		for _, q := range question {
			if strings.HasPrefix(strings.Trim(q, "?,.!:;()\"'"), strings.Trim(t, "?,.!:;()\"'")) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
