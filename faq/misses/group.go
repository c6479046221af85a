package misses

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/backpainbot/backpainbot/faq"
)

// Similar is how alike two questions' words must be to fall in one cluster: the Jaccard index
// of their word sets (shared words over all words).
const Similar = 0.5

// Cluster is a set of missed questions that say much the same thing.
type Cluster struct {
	// Count is how many misses the cluster holds.
	Count int
	// Question is the wording asked most often, the cluster's representative.
	Question string
	// Examples are the cluster's other wordings, most often asked first.
	Examples []string
	// First and Last are when the first and the latest of them were asked.
	First, Last time.Time
	// Nearest is the FAQ entry that best fits Question (its ID is "" when none shares a word).
	Nearest faq.Candidate
}

// Group clusters entries whose questions use mostly the same words, so a moderator sees each
// missing topic once, with how often it was asked, and the nearest entry it could become a
// variant of. Clusters are sorted by count, largest first.
//
// Questions are read by ix's analyzer, so stems, the FAQ's synonyms and corrected typos count
// as the same word, and stopwords do not count. Words the FAQ never uses count as written:
// misses are mostly about what the FAQ lacks. Two questions are linked when the Jaccard index
// of their word sets is at least Similar, and a cluster is everything linked directly or through
// others (single-link clustering).
func Group(entries []Entry, ix *faq.Index) []Cluster {
	// Questions with the same word set are one node; most repeats are the same few words.
	var nodes [][]int32 // node -> sorted word ids
	var members [][]int // node -> entries
	nodeOf := map[string]int{}
	vocab := map[string]int32{}
	var toks []faq.Token
	for i, e := range entries {
		toks = ix.Analyzer().Analyze(stripPlaceholders(e.Question), toks[:0])
		var set []int32
		for _, t := range toks {
			if t.Stop {
				continue
			}
			key := "?" + t.Word
			if t.Term >= 0 {
				key = "#" + strconv.Itoa(int(t.Term))
			}
			id, ok := vocab[key]
			if !ok {
				id = int32(len(vocab))
				vocab[key] = id
			}
			set = append(set, id)
		}
		slices.Sort(set)
		set = slices.Compact(set)
		key := normalise(e.Question) // no words to compare: only the same text is the same
		if len(set) > 0 {
			key = fmtSet(set)
		}
		n, ok := nodeOf[key]
		if !ok {
			n = len(nodes)
			nodeOf[key] = n
			nodes = append(nodes, set)
			members = append(members, nil)
		}
		members[n] = append(members[n], i)
	}

	// Link nodes that share a word and are similar enough, using a word -> nodes index so only
	// pairs that share something are compared.
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	post := make([][]int, len(vocab))
	seen := make([]int, len(nodes))
	for i := range seen {
		seen[i] = -1
	}
	for n, set := range nodes {
		for _, w := range set {
			for _, m := range post[w] {
				if seen[m] == n {
					continue
				}
				seen[m] = n
				if jaccard(set, nodes[m]) >= Similar {
					parent[find(n)] = find(m)
				}
			}
			post[w] = append(post[w], n)
		}
	}

	byRoot := map[int][]int{}
	var roots []int
	for n := range nodes {
		r := find(n)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], members[n]...)
	}
	out := make([]Cluster, 0, len(roots))
	for _, r := range roots {
		out = append(out, cluster(entries, byRoot[r], ix))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if !a.Last.Equal(b.Last) {
			return a.Last.After(b.Last)
		}
		return a.Question < b.Question
	})
	return out
}

// cluster summarises the entries at idx: the most asked wording represents them.
func cluster(entries []Entry, idx []int, ix *faq.Index) Cluster {
	type wording struct {
		text  string // as first asked
		count int
	}
	var ws []*wording
	byText := map[string]*wording{}
	c := Cluster{Count: len(idx)}
	for _, i := range idx {
		e := entries[i]
		if c.First.IsZero() || e.Time.Before(c.First) {
			c.First = e.Time
		}
		if e.Time.After(c.Last) {
			c.Last = e.Time
		}
		k := normalise(e.Question)
		w, ok := byText[k]
		if !ok {
			w = &wording{text: e.Question}
			byText[k] = w
			ws = append(ws, w)
		}
		w.count++
	}
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i], ws[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if len(a.text) != len(b.text) {
			return len(a.text) < len(b.text)
		}
		return a.text < b.text
	})
	c.Question = ws[0].text
	for _, w := range ws[1:] {
		c.Examples = append(c.Examples, w.text)
	}
	c.Nearest = ix.Match(stripPlaceholders(c.Question)).Best
	return c
}

func jaccard(a, b []int32) float64 {
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}

func fmtSet(set []int32) string {
	var b strings.Builder
	for _, w := range set {
		b.WriteString(strconv.Itoa(int(w)))
		b.WriteByte(',')
	}
	return b.String()
}

// normalise folds case, spacing and end punctuation, so "Can I swim?" and "can i swim" are one
// wording.
func normalise(q string) string {
	return strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(q), " ")), "?!. ")
}

var placeholders = strings.NewReplacer(Email, " ", Phone, " ", Mention, " ", URL, " ")

// stripPlaceholders removes Scrub's placeholders, which say nothing about the topic.
func stripPlaceholders(q string) string { return placeholders.Replace(q) }
