package triage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"

	"gopkg.in/yaml.v3"
)

// The product targets, per tier, on every data set: every emergency is caught; at least 95% of
// see-a-doctor messages are raised (to doctor or emergency); at most 3% of calm messages are
// raised to emergency. They are floors, not today's figures.
const (
	floorEmergencyRecall = 100.0
	floorDoctorRecall    = 95.0
	ceilCalmEmergency    = 3.0
)

// dataSet is a labelled set of messages.
type dataSet struct {
	name   string
	path   string
	sealed bool // a test half: print counts only, never messages
	// holdout marks a dev set kept for measuring: held to the dev floors, but its misses are
	// not logged, so nobody tunes on it message by message
	holdout bool
	load    func([]byte) (labelled, error)
}

// labelled holds a data set's messages by the tier each must get.
type labelled struct{ emergency, doctor, calm []string }

// dataSets lists every set, dev halves first (tune on them freely), then test halves (never).
var dataSets = []dataSet{
	{name: "dev/triage", path: "testdata/dev/triage.yaml", load: loadTiers},
	{name: "dev/holdout", path: "testdata/dev/holdout.yaml", load: loadTiers},
	{name: "dev/real", path: "testdata/dev/real.yaml", load: loadStories},
	{name: "dev/blind2", path: "testdata/dev/blind2.yaml", load: loadTiers},
	{name: "dev/real2", path: "testdata/dev/real2.yaml", load: loadStories},
	// The round-4 holdouts, spent: tuned on as dev sets from round 5 (real4: real stories from
	// public pages; blind4: written blind from the red-flag note).
	{name: "dev/real4", path: "testdata/dev/real4.yaml", load: loadStories},
	{name: "dev/blind4", path: "testdata/dev/blind4.yaml", load: loadStories},
	// The round-5 holdout, spent: tuned on as a dev set from round 6.
	{name: "dev/blind5", path: "testdata/dev/blind5.yaml", load: loadStories},
	// The round-6 holdout, spent: tuned on as a dev set from round 7.
	{name: "dev/blind6", path: "testdata/dev/blind6.yaml", load: loadStories},
	// The round-7 real holdout, spent: real stories from public pages, tuned on from round 8.
	{name: "dev/real5", path: "testdata/dev/real5.yaml", load: loadStories},
	// The round-7 blind holdout, spent: tuned on as a dev set from round 10.
	{name: "dev/blind7", path: "testdata/dev/blind7.yaml", load: loadStories},
	// Real stories collected in round 10 (session 7) from hosts no test set uses; first measured
	// untouched, then tuned on.
	{name: "dev/real6", path: "testdata/dev/real6.yaml", load: loadStories},
	// The round-10 blind holdout (session 6), spent: tuned on as a dev set from round 11.
	{name: "dev/blind8", path: "testdata/dev/blind8.yaml", load: loadStories},
	// The round-11 blind holdout: judged in round 11 (35/40, 29/30, 5/60 on first look; 35/40,
	// 29/30, 4/60 after round 11's rules), then spent: tuned on from late round 11.
	{name: "dev/blind9", path: "testdata/dev/blind9.yaml", load: loadStories},
	// Real stories collected in round 11 from hosts no test set uses, split by host: real7 is
	// dev (first measured untouched, then tuned on), real8 the round-11 holdout (judged: 7/15,
	// 12/15, 2/25 at the end of rounds 11 and 12), spent: tuned on from round 13.
	{name: "dev/real7", path: "testdata/dev/real7.yaml", load: loadStories},
	{name: "dev/real8", path: "testdata/dev/real8.yaml", load: loadStories},
	// A second round-11 blind holdout, written at the end of round 11 (37/40, 28/30, 5/60 before
	// and after round 11's rules), then spent: tuned on from round 12.
	{name: "dev/blind10", path: "testdata/dev/blind10.yaml", load: loadStories},
	// A round-12 dev set written blind from the red-flag note (200 stories), tuned on from its
	// first look (see its header).
	{name: "dev/blind12", path: "testdata/dev/blind12.yaml", load: loadStories},
	// Real stories collected in round 12 from hosts no test set uses and pages no other set uses;
	// dev (first measured untouched, see its header, then tuned on).
	{name: "dev/real9", path: "testdata/dev/real9.yaml", load: loadStories},
	// A second round-12 dev set written blind from the red-flag note (200 stories, emergency-heavy
	// and varied), tuned on from its first look (see its header).
	{name: "dev/blind13", path: "testdata/dev/blind13.yaml", load: loadStories},
	// The round-12 blind holdout, written from the red-flag note at the start of round 12 (judged:
	// 37/40, 29/30, 3/60 -> 2/60 over round 12), spent: tuned on from round 13.
	{name: "dev/blind11", path: "testdata/dev/blind11.yaml", load: loadStories},
	// Real stories collected at the start of round 13 from hosts no test set uses and pages no other
	// set uses, split by host: real10 is dev (first measured untouched, then tuned on), real11 the
	// round-13 real holdout (judged: 9/15, 11/11, 2/16 on first look; 9/14, 10/11, 2/17 after the
	// round's rule passes and two label fixes), spent into dev late in round 13.
	{name: "dev/real10", path: "testdata/dev/real10.yaml", load: loadStories},
	{name: "dev/real11", path: "testdata/dev/real11.yaml", load: loadStories},
	// The round-13 blind holdouts (blind14 written from the red-flag note at the start of round 13:
	// 37/39, 28/30, 2/60 -> 38/39, 29/30, 2/60 over round 13; blind15 written after round 13's rule
	// work: 39/40, 29/29, 2/58 on first look) and the round-13 real holdout (real12, collected at
	// the end of round 13: 24/30, 19/23, 0/31 on first look), spent: tuned on from round 14.
	{name: "dev/blind14", path: "testdata/dev/blind14.yaml", load: loadStories},
	{name: "dev/blind15", path: "testdata/dev/blind15.yaml", load: loadStories},
	{name: "dev/real12", path: "testdata/dev/real12.yaml", load: loadStories},
	// The round-14 holdouts, spent: tuned on from round 15. blind16 was written from the red-flag
	// note at the start of round 14 (38/38, 30/30, 2/60 on first look and at the end of round 14);
	// real13 was collected at the start of round 14 (24/31, 19/22, 8/39 on first look; 24/31,
	// 19/22, 9/39 at the end of round 14).
	{name: "dev/blind16", path: "testdata/dev/blind16.yaml", load: loadStories},
	{name: "dev/real13", path: "testdata/dev/real13.yaml", load: loadStories},
	// Round-15 variations written by the tgen helper knowing the rules (not blind): breadth over the
	// red-flag note's signs (every injury mechanism, registers, negation), not dev misses. Dev set.
	{name: "dev/para15", path: "testdata/dev/para15.yaml", load: loadStories},
	// The round-15 holdouts, spent: tuned on from round 16. blind17 was written from the red-flag
	// note at the start of round 15 (39/40, 26/29, 2/58 on first look; 40/40, 27/29, 2/58 at the end
	// of round 15); real14 was collected at the start of round 15 (26/32, 20/25, 1/44 on first look
	// and at the end); real15 was collected late in round 15, after the rule passes (21/30, 22/33,
	// 4/44 on first look and at the end).
	{name: "dev/blind17", path: "testdata/dev/blind17.yaml", load: loadStories},
	{name: "dev/real14", path: "testdata/dev/real14.yaml", load: loadStories},
	{name: "dev/real15", path: "testdata/dev/real15.yaml", load: loadStories},
	// The round-16 holdouts, judged at the end of round 16 and then read to see why the round's
	// work did not reach them: spent, dev from round 17. blind18 was written from the red-flag note
	// at the start of round 16 (35/40, 29/30, 4/60 on first look, on the code of the end of round
	// 15, and at the end); real16 was collected at the start of round 16 (see its header; 24/30,
	// 23/29, 7/42 on first look and at the end).
	{name: "dev/blind18", path: "testdata/dev/blind18.yaml", load: loadStories},
	{name: "dev/real16", path: "testdata/dev/real16.yaml", load: loadStories},
	// A late round-16 blind holdout, written from the red-flag note for the round's last pass (21/25,
	// 20/20, 3/35 on first look, on the code before that pass); measured only.
	{name: "dev/blind19", path: "testdata/dev/blind19.yaml", holdout: true, load: loadStories},
	{name: "test/real", path: "testdata/test/real.yaml", sealed: true, load: loadStories},
	{name: "test/sealed", path: "testdata/test/sealed.yaml", sealed: true, load: loadTiers},
}

// loadTiers reads `emergency: [..], doctor: [..], calm: [..]` (or `none:` for calm).
func loadTiers(data []byte) (labelled, error) {
	var f struct {
		Emergency []string `yaml:"emergency"`
		Doctor    []string `yaml:"doctor"`
		Calm      []string `yaml:"calm"`
		None      []string `yaml:"none"`
	}
	err := yaml.Unmarshal(data, &f)
	return labelled{f.Emergency, f.Doctor, append(f.Calm, f.None...)}, err
}

// loadStories reads `stories: [{text, source, tier: emergency|doctor|calm, why}]` ("see-a-doctor" for doctor).
func loadStories(data []byte) (labelled, error) {
	var f struct {
		Stories []struct {
			Text string `yaml:"text"`
			Tier string `yaml:"tier"`
		} `yaml:"stories"`
	}
	var l labelled
	if err := yaml.Unmarshal(data, &f); err != nil {
		return l, err
	}
	for i, s := range f.Stories {
		switch s.Tier {
		case "emergency":
			l.emergency = append(l.emergency, s.Text)
		case "doctor", "see-a-doctor":
			l.doctor = append(l.doctor, s.Text)
		case "calm", "none":
			l.calm = append(l.calm, s.Text)
		default:
			return l, fmt.Errorf("story %d: tier %q, want emergency, doctor or calm", i+1, s.Tier)
		}
	}
	return l, nil
}

// figures are what the detector scores on one data set.
type figures struct {
	emergency, emergencyN int // emergencies raised to emergency
	doctor, doctorN       int // doctor messages raised to doctor or emergency
	calmEm, calmN         int // calm messages raised to emergency
	calmAny               int // calm messages raised at all
}

func pct(a, n int) float64 {
	if n == 0 {
		return 100
	}
	return 100 * float64(a) / float64(n)
}

// measure scores d on l; miss is called with each message that got the wrong tier.
func measure(d *Detector, l labelled, miss func(want string, got Result, msg string)) figures {
	var f figures
	for _, m := range l.emergency {
		f.emergencyN++
		if r := d.Check(m); r.Tier == Emergency {
			f.emergency++
		} else {
			miss("emergency", r, m)
		}
	}
	for _, m := range l.doctor {
		f.doctorN++
		if r := d.Check(m); r.Tier >= Doctor {
			f.doctor++
		} else {
			miss("doctor", r, m)
		}
	}
	for _, m := range l.calm {
		f.calmN++
		r := d.Check(m)
		if r.Tier == Emergency {
			f.calmEm++
		}
		if r.Tier != None {
			f.calmAny++
			miss("calm", r, m)
		}
	}
	return f
}

func (f figures) String() string {
	return fmt.Sprintf("emergency %d/%d (%.1f%%), doctor or above %d/%d (%.1f%%), calm raised to emergency %d/%d (%.1f%%), calm raised at all %d/%d (%.1f%%)",
		f.emergency, f.emergencyN, pct(f.emergency, f.emergencyN),
		f.doctor, f.doctorN, pct(f.doctor, f.doctorN),
		f.calmEm, f.calmN, pct(f.calmEm, f.calmN),
		f.calmAny, f.calmN, pct(f.calmAny, f.calmN))
}

// TestDataSets holds every data set, dev and test, to the product targets per tier. On dev sets
// the misses are logged (-v); on holdouts and test halves only the counts are printed, never a
// message.
func TestDataSets(t *testing.T) {
	d := detector()
	for _, ds := range dataSets {
		t.Run(ds.name, func(t *testing.T) {
			f, ok := measureSet(t, d, ds)
			if !ok {
				return
			}
			t.Logf("%s: %v", ds.name, f)
			got := pct(f.emergency, f.emergencyN)
			holdTarget(t, ds.name+" emergency", got >= floorEmergencyRecall,
				"emergency recall %d/%d (%.1f%%), want %.0f%%", f.emergency, f.emergencyN, got, floorEmergencyRecall)
			got = pct(f.doctor, f.doctorN)
			holdTarget(t, ds.name+" doctor", got >= floorDoctorRecall,
				"see-a-doctor recall %d/%d (%.1f%%), want at least %.0f%%", f.doctor, f.doctorN, got, floorDoctorRecall)
			got = pct(f.calmEm, f.calmN)
			holdTarget(t, ds.name+" calm", got <= ceilCalmEmergency,
				"calm raised to emergency %d/%d (%.1f%%), want at most %.0f%%", f.calmEm, f.calmN, got, ceilCalmEmergency)
		})
	}
}

// measureSet loads and scores one set; ok is false (the test skipped) when the file is absent.
func measureSet(t *testing.T, d *Detector, ds dataSet) (figures, bool) {
	t.Helper()
	data, err := os.ReadFile(ds.path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not in the tree yet", ds.path)
	}
	if err != nil {
		t.Fatal(err)
	}
	l, err := ds.load(data)
	if err != nil {
		t.Fatalf("%s: %v", ds.path, err)
	}
	miss := func(want string, got Result, msg string) {
		if !ds.sealed && !ds.holdout {
			t.Logf("want %-9s got %-9s %-12s %s", want, got.Tier, got.Category, msg)
		}
	}
	return measure(d, l, miss), true
}
