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
	g := wordNodes(entries, ix)
	roots := g.link()
	return clusters(entries, g.members, roots, ix)
}

// nodes are the distinct word sets of the questions being grouped: questions with the same word
// set are one node, since most repeats are the same few words.
type nodes struct {
	sets    [][]int32 // node -> sorted word ids
	members [][]int   // node -> entries
	vocab   int       // how many distinct word ids the sets use
}

// wordNodes reads each entry's question through ix's analyzer into a sorted set of word ids
// (an FAQ term by its id, any other word as written, stopwords dropped) and gathers entries with
// the same set into one node, in order of first appearance.
func wordNodes(entries []Entry, ix *faq.Index) nodes {
	var g nodes
	nodeOf := map[string]int{}
	vocab := map[string]int32{}
	var toks []faq.Token
	for i, e := range entries {
		toks = ix.Analyzer().Analyze(stripPlaceholders(e.Question), toks[:0])
		set := wordSet(toks, vocab)
		key := normalise(e.Question) // no words to compare: only the same text is the same
		if len(set) > 0 {
			key = fmtSet(set)
		}
		n, ok := nodeOf[key]
		if !ok {
			n = len(g.sets)
			nodeOf[key] = n
			g.sets = append(g.sets, set)
			g.members = append(g.members, nil)
		}
		g.members[n] = append(g.members[n], i)
	}
	g.vocab = len(vocab)
	return g
}

// wordSet turns toks into a sorted set of word ids, numbering words not yet in vocab as it
// meets them: an FAQ term is known by its term id, any other word as written; stopwords do not
// count.
func wordSet(toks []faq.Token, vocab map[string]int32) []int32 {
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
	return slices.Compact(set)
}

// link joins nodes that share a word and are similar enough (single-link, by union-find), using
// a word -> nodes index so only pairs that share something are compared. It returns each node's
// root: nodes with the same root are one cluster.
func (g nodes) link() []int {
	parent := make([]int, len(g.sets))
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
	post := make([][]int, g.vocab)
	seen := make([]int, len(g.sets))
	for i := range seen {
		seen[i] = -1
	}
	for n, set := range g.sets {
		for _, w := range set {
			for _, m := range post[w] {
				if seen[m] == n {
					continue
				}
				seen[m] = n
				if jaccard(set, g.sets[m]) >= Similar {
					parent[find(n)] = find(m)
				}
			}
			post[w] = append(post[w], n)
		}
	}
	roots := make([]int, len(g.sets))
	for n := range roots {
		roots[n] = find(n)
	}
	return roots
}

// clusters gathers the entries of nodes with the same root (members[n] are node n's entries,
// roots[n] its root) into clusters, in order of each root's first node, and sorts them by count,
// then latest ask, then question.
func clusters(entries []Entry, members [][]int, roots []int, ix *faq.Index) []Cluster {
	byRoot := map[int][]int{}
	var order []int
	for n, r := range roots {
		if _, ok := byRoot[r]; !ok {
			order = append(order, r)
		}
		byRoot[r] = append(byRoot[r], members[n]...)
	}
	out := make([]Cluster, 0, len(order))
	for _, r := range order {
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
