package triage

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestREADMEFigures holds the README's triage table to what TestDataSets measures: every count it
// prints, per set and tier, must be today's. Rows name a set of dataSets in their first cell.
func TestREADMEFigures(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- triage figures -->", "<!-- /triage figures -->"
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %s ... %s table", begin, end)
	}
	d := detector()
	rows := 0
	for _, line := range strings.Split(s[i+len(begin):j], "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) < 4 {
			continue
		}
		name := strings.Trim(strings.Fields(cells[0] + " x")[0], "`")
		var ds *dataSet
		for k := range dataSets {
			if dataSets[k].name == name {
				ds = &dataSets[k]
			}
		}
		if ds == nil {
			continue // the header
		}
		rows++
		t.Run(name, func(t *testing.T) {
			f, ok := measureSet(t, d, *ds)
			if !ok {
				return
			}
			got := []string{
				fmt.Sprintf("%d/%d", f.emergency, f.emergencyN),
				fmt.Sprintf("%d/%d", f.doctor, f.doctorN),
				fmt.Sprintf("%d/%d", f.calmEm, f.calmN),
			}
			for k, g := range got {
				if printed := strings.Fields(cells[k+1]); len(printed) == 0 || printed[0] != g {
					t.Errorf("README prints %q in column %d for %s; the tests measure %s", strings.TrimSpace(cells[k+1]), k+2, name, g)
				}
			}
		})
	}
	if rows < 3 {
		t.Errorf("README triage table has %d rows naming a data set, want one per set", rows)
	}
}
