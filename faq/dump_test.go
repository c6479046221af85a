package faq

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	ix := NewIndex(Default())
	set := loadEval(t, "testdata/eval.yaml")
	type row struct {
		s    float64
		line string
	}
	var rows []row
	desc := func(q string) string {
		var b []string
		for _, tk := range ix.an.Analyze(q, nil) {
			if tk.Stop {
				continue
			}
			if tk.Term < 0 {
				b = append(b, "?"+tk.Word)
			} else {
				b = append(b, ix.an.Stem(tk.Term)+":"+strings.TrimRight(strings.TrimRight(fmtF(ix.weight[tk.Term]), "0"), "."))
			}
		}
		return strings.Join(b, " ")
	}
	for _, q := range set.Questions {
		m := ix.Match(q.Q)
		if m.Best.ID == q.ID && m.Best.Score < 0.4 {
			rows = append(rows, row{m.Best.Score, "IN  " + q.ID + " | " + desc(q.Q)})
		}
	}
	for _, q := range set.OutOfDomain {
		m := ix.Match(q)
		if m.Best.Score > 0.28 {
			rows = append(rows, row{m.Best.Score, "OOD " + m.Best.ID + " | " + desc(q)})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].s < rows[j].s })
	for _, r := range rows {
		t.Logf("%.2f %s", r.s, r.line)
	}
}

func fmtF(f float32) string { return strings.TrimSpace(strings.Replace(string(rune('0'))+"", "0", "", 1)) + ftoa(f) }
func ftoa(f float32) string { return strconvF(f) }

func strconvF(f float32) string { return fmtFloat(float64(f)) }

func fmtFloat(f float64) string { return strings.TrimSpace(strings.TrimRight(sprintf2(f), " ")) }

func sprintf2(f float64) string { return fmt2(f) }
func fmt2(f float64) string { return fmt.Sprintf("%.2f", f) }
