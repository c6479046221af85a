package faq

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/backpainbot/backpainbot/faq/text"
	"github.com/backpainbot/backpainbot/faq/text/vectors"
)

// Index is the matcher built from one FAQ. It is immutable and safe for concurrent use.
type Index struct {
	faq       *FAQ
	an        *text.Analyzer
	p         Params
	weight    []float32 // per term: inverse entry frequency
	unknown   float32   // weight of a word the FAQ never uses
	prior     float32   // weight every query carries that no entry explains, so vague questions stay unsure
	entries   []entryIndex
	post      [][]int32           // term -> entries whose phrasings or keywords use it, ascending
	postCent  [][]float32         // parallel to post: how central the term is to that entry
	phrPost   [][]int32           // term -> phrasings (global ids) that use it
	phrNorm   []float32           // per phrasing: total weight of its terms
	phrEnt    []int32             // per phrasing: its entry
	often     []int8              // per term: its bit in an often mask, or -1 (oftenTerms)
	phrOften  []uint64            // per phrasing: the often mask of its terms
	textPost  [][]int32           // term -> entries whose text (answer included) uses it
	pairPost  map[uint64][]int32  // neighbouring terms -> entries whose phrasings have them
	common    int                 // a term in more entries than this does not by itself make an entry a candidate
	anchor    []bool              // per term: used in the phrasings of most entries ("back", "pain")
	generic   []bool              // per term: says nothing about which entry (anchors, question words, symptoms)
	question  []bool              // per term: its stem is a question word (question-words.txt)
	class     []uint8             // per term: classBack, classSpine, classSymptom
	title     map[int32]int       // term -> the entry whose question uses it and to which it is most central (titles)
	titlePr   map[uint64]int      // canonical two-word name -> the one entry whose question names it (titlePairs)
	treat     namedBy             // treatment words and their entries (treatments)
	cond      namedBy             // condition words and their entries (treatments)
	qwords    [][]int32           // per entry: the terms of its question, ascending (treatments)
	freq      []int               // per term: the everyday-English frequency rank of its commonest word (everyday)
	synKinds  []uint64            // per term: kinds of care of the synonym groups it is canonical for
	canons    map[int32][][]int32 // first term -> the canonical wordings of several words with kinds (synonymKinds)
	hamstring int32               // the hamstring's term, or -1 (hurtHamstrings)
	pregnant  int32               // the term "pregnant" reads as, or -1 (pregnancyWeeks)
	leg       int32               // the term of "leg", or -1 (hurtHamstrings)
	gym       int32               // the term of "gym", or -1 (legAtGym)
	chronic   int32               // the term "chronic" reads as, or -1 (longCourse)
	scratch   sync.Pool
}

type termSet struct {
	terms []int32 // ascending, unique
	norm  float32 // sum of weights
}

type entryIndex struct {
	phrases []termSet // question and variants
	pFrom   int32     // global id of the first phrasing
	groups  []phraseGroup
	bag     []int32   // ascending: the terms of all phrasings and keywords
	central []float32 // per bag term: the square root of the share of phrases that use it
	text    []int32   // ascending: bag plus the terms of the answer and tips
	pairs   []uint64  // ascending: neighbouring terms in the phrasings and keywords, as pairKey
	kinds   []float32 // per kind of asking (ask.go): the share of phrasings that ask so
}

// pairKey packs two neighbouring terms, order ignored.
func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(uint32(a))<<32 | uint64(uint32(b))
}

// NewIndex builds the matcher for f with the fitted weights.
func NewIndex(f *FAQ) *Index { return newIndexWith(f, DefaultParams) }

func newIndexWith(f *FAQ, p Params) *Index {
	var texts []string
	for _, e := range f.Entries {
		texts = append(texts, e.Question, e.Answer)
		texts = append(texts, e.Variants...)
		texts = append(texts, e.Keywords...)
		texts = append(texts, e.Tips...)
	}
	return newIndex(f, text.NewAnalyzerWith(commonWords(p.CommonRank), f.Synonyms, texts...), p)
}

// newIndex builds the matcher for f read by an: each entry's terms, then the weights, the
// postings, the often-used terms, the few terms the named checks read, and the term classes.
func newIndex(f *FAQ, an *text.Analyzer, p Params) *Index {
	ix := &Index{faq: f, an: an, p: p, entries: make([]entryIndex, len(f.Entries))}
	df := ix.indexEntries()
	ix.weigh(df)
	ix.buildPostings(len(df))
	ix.oftenTerms()
	ix.common = max(64, len(f.Entries)/8)
	ix.specialTerms()
	ix.classify()
	ix.scratch.New = func() any { return ix.newScratch() }
	return ix
}

// indexEntries reads every entry's terms into ix.entries and returns each term's document
// frequency: how many entries' text (answer included) use it.
func (ix *Index) indexEntries() []int32 {
	df := make([]int32, ix.an.NumTerms())
	for i, e := range ix.faq.Entries {
		ix.entries[i] = ix.indexEntry(e)
		for _, t := range ix.entries[i].text {
			df[t]++
		}
	}
	return df
}

// buildPostings weighs each entry's phrasings, sorts them by norm, gives them their global
// ids, and fills the term -> phrasings, term -> entries (vocabulary and text) and pair ->
// entries postings, for numTerms terms.
func (ix *Index) buildPostings(numTerms int) {
	ix.post = make([][]int32, numTerms)
	ix.textPost = make([][]int32, numTerms)
	ix.pairPost = map[uint64][]int32{}
	ix.postCent = make([][]float32, numTerms)
	ix.phrPost = make([][]int32, numTerms)
	for i := range ix.entries {
		ei := &ix.entries[i]
		ei.pFrom = int32(len(ix.phrNorm))
		for j := range ei.phrases {
			ix.norm(&ei.phrases[j])
		}
		// In ascending order of norm, bestPhrasing need not work out most phrasings' fit.
		slices.SortStableFunc(ei.phrases, func(a, b termSet) int { return cmp.Compare(a.norm, b.norm) })
		for j := range ei.phrases {
			for _, t := range ei.phrases[j].terms {
				ix.phrPost[t] = append(ix.phrPost[t], int32(len(ix.phrNorm)))
			}
			ix.phrNorm = append(ix.phrNorm, ei.phrases[j].norm)
			ix.phrEnt = append(ix.phrEnt, int32(i))
		}
		for k, t := range ei.bag {
			ix.post[t] = append(ix.post[t], int32(i))
			ix.postCent[t] = append(ix.postCent[t], ei.central[k])
		}
		for _, t := range ei.text {
			ix.textPost[t] = append(ix.textPost[t], int32(i))
		}
		for _, k := range ei.pairs {
			ix.pairPost[k] = append(ix.pairPost[k], int32(i))
		}
	}
}

// specialTerms looks up the terms of the words the named checks read (hamstring, leg, gym,
// pregnant, chronic); each is -1 when the FAQ has no such term.
func (ix *Index) specialTerms() {
	an := ix.an
	ix.hamstring, ix.leg = -1, -1
	if t, ok := an.TermOf("hamstring"); ok {
		ix.hamstring = t
	}
	if t, ok := an.TermOf("leg"); ok {
		ix.leg = t
	}
	ix.gym = -1
	if t, ok := an.TermOf("gym"); ok {
		ix.gym = t
	}
	ix.pregnant = -1
	if toks := tagKinds(an.Analyze("pregnant", nil)); len(toks) == 1 && toks[0].Term >= 0 {
		ix.pregnant = toks[0].Term
	}
	ix.chronic = -1
	if toks := tagKinds(an.Analyze("chronic", nil)); len(toks) == 1 && toks[0].Term >= 0 {
		ix.chronic = toks[0].Term
	}
}

// newScratch returns empty per-match working space sized for ix's entries and phrasings.
func (ix *Index) newScratch() *scratch {
	n := len(ix.faq.Entries)
	return &scratch{
		mark:  make([]uint32, n),
		acc:   make([]float32, n),
		sum:   make([]float32, n),
		cent:  make([]float32, n),
		psum:  make([]float32, len(ix.phrNorm)),
		pmark: make([]bool, len(ix.phrNorm)),
		pbest: make([]float64, n),
	}
}

// terms returns the ascending, unique non-stop terms of texts.
func (ix *Index) terms(texts ...string) []int32 {
	var ts []int32
	var toks []text.Token
	for _, s := range texts {
		toks = tagKinds(ix.an.Analyze(s, toks[:0]))
		for _, t := range toks {
			if !t.Stop && t.Term >= 0 {
				ts = append(ts, t.Term)
			}
		}
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

func (ix *Index) indexEntry(e Entry) entryIndex {
	var ei entryIndex
	phrases := append([]string{e.Question}, e.Variants...)
	var raw [][]int32
	for _, p := range phrases {
		if ts := ix.terms(p); len(ts) > 0 {
			raw = append(raw, ts)
			ei.phrases = append(ei.phrases, termSet{terms: ts})
		}
	}
	// Keywords join the entry's vocabulary but are not phrasings: one keyword alone should
	// not look like a complete question.
	ei.kinds = ix.kindShares(phrases)
	named := append(phrases, e.Keywords...)
	ei.bag = ix.terms(named...)
	ei.central = make([]float32, len(ei.bag))
	for k, t := range ei.bag {
		n := 0
		for _, ts := range raw {
			if _, ok := slices.BinarySearch(ts, t); ok {
				n++
			}
		}
		share := max(ix.p.KeywordCentrality, float32(n)/float32(max(1, len(raw))))
		ei.central[k] = float32(math.Sqrt(float64(share)))
	}
	ei.pairs = ix.pairsOf(named)
	ei.text = ix.terms(append(append([]string{e.Answer}, e.Tips...), named...)...)
	return ei
}

// titles files each weighty term of an entry's question that is no everyday word (rarer than
// TitleRank) under that entry when it is more central to it than to any other entry: "sciatica"
// under "What is sciatica?", not "ten" under "Do acupuncture or a TENS machine help back pain?".
func (ix *Index) titles() {
	ix.title = map[int32]int{}
	for i, e := range ix.faq.Entries {
		for _, t := range ix.terms(e.Question) {
			if float64(ix.weight[t]) < ix.p.TitleWeight || ix.freq[t] < ix.p.TitleRank || ix.class[t]&classGeneric != 0 {
				continue
			}
			own, rival := ix.centrality(i, t), float32(0)
			for _, j := range ix.post[t] {
				if int(j) != i {
					rival = max(rival, ix.centrality(int(j), t))
				}
			}
			if own > rival {
				ix.title[t] = i
			}
		}
	}
}

// titlePairs files the two-word canonical name of a synonym group ("physical therapy": physio,
// physiotherapist, PT) under the one entry whose question names it, as titles files a single
// term: such names are of everyday words that weigh too little to be titles one by one.
func (ix *Index) titlePairs() {
	canon := map[uint64]bool{}
	for _, cs := range ix.canons {
		for _, c := range cs {
			if len(c) == 2 {
				canon[pairKey(c[0], c[1])] = true
			}
		}
	}
	ix.titlePr = map[uint64]int{}
	count := map[uint64]int{}
	for i, e := range ix.faq.Entries {
		for _, k := range slices.Compact(ix.pairsOf([]string{e.Question})) {
			if canon[k] {
				count[k]++
				ix.titlePr[k] = i
			}
		}
	}
	for k, n := range count {
		if n > 1 {
			delete(ix.titlePr, k)
		}
	}
}

// pairsOf returns the neighbouring terms (stopwords skipped) of texts as sorted pair keys.
func (ix *Index) pairsOf(texts []string) []uint64 {
	var out []uint64
	var toks []text.Token
	for _, p := range texts {
		toks = tagKinds(ix.an.Analyze(p, toks[:0]))
		prev := int32(-1)
		for _, t := range toks {
			if t.Stop || t.Term < 0 {
				continue
			}
			if prev >= 0 && prev != t.Term {
				out = append(out, pairKey(prev, t.Term))
			}
			prev = t.Term
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// weigh sets each term's weight from its entry frequency df (BM25's idf: a word in nearly every
// entry weighs almost nothing), and the weights of unknown words and of the prior.
func (ix *Index) weigh(df []int32) {
	n := float64(len(ix.entries))
	ix.weight = make([]float32, len(df))
	var maxW float32
	for t, d := range df {
		d = max(d, 1)
		ix.weight[t] = float32(math.Log(1 + (n-float64(d)+0.5)/(float64(d)+0.5)))
		maxW = max(maxW, ix.weight[t])
	}
	ix.unknown = maxW * ix.p.UnknownShare
	ix.prior = maxW * ix.p.PriorShare
	ix.everyday()
}

// everyday lowers the weight of each term by how common its words are in everyday English (their
// frequency rank r in the GloVe vocabulary; a word it lacks counts as rare): to EverydayFloor
// of its weight for the commonest, rising as r/(r+EverydayRank). A small FAQ's own counts make
// a word rare that is only rare in the FAQ: in "is it worth paying for a private MRI" the
// FAQ has "paying" and "private" in two entries and "MRI" in one, so they weighed nearly alike;
// in English "MRI" is the rare word, and it says what the question is about.
func (ix *Index) everyday() {
	rank := make([]int, len(ix.weight))
	ix.freq = rank
	for i := range rank {
		rank[i] = -1
	}
	tab := vectors.Default()
	ix.an.EachKnown(func(w string, t int32) {
		r := tab.Len() // rarer than every word the table has
		if v, ok := tab.Lookup(w); ok {
			r = v.Rank()
		}
		if rank[t] < 0 || r < rank[t] {
			rank[t] = r
		}
	})
	for t, r := range rank {
		if r >= 0 && ix.p.EverydayFloor < 1 {
			f := float64(r) / (float64(r) + ix.p.EverydayRank)
			ix.weight[t] *= float32(ix.p.EverydayFloor + (1-ix.p.EverydayFloor)*f)
		}
	}
}

// classify marks anchors (terms in the phrasings of 40% of entries), generic terms and the
// domain classes of every term.
func (ix *Index) classify() {
	nt := ix.an.NumTerms()
	bagDF := make([]int, nt)
	for i := range ix.entries {
		for _, t := range ix.entries[i].bag {
			bagDF[t]++
		}
	}
	ix.class = termClasses(ix.an)
	ix.titles()
	ix.synKinds, ix.canons = synonymKinds(ix.faq, ix.an)
	ix.titlePairs()
	ix.treatments()
	ix.anchor = make([]bool, nt)
	ix.generic = make([]bool, nt)
	ix.question = make([]bool, nt)
	n := float64(len(ix.entries))
	for t, d := range bagDF {
		question := questionWords[ix.an.Stem(int32(t))]
		ix.question[t] = question
		ix.anchor[t] = float64(d) >= 0.4*n && !question
		// In a small FAQ most words are in 40% of entries; there only symptoms and question words are generic.
		ix.generic[t] = ix.anchor[t] && n >= 10 || question || ix.class[t]&classGeneric != 0
	}
}

func (ix *Index) norm(s *termSet) {
	s.norm = 0
	for _, t := range s.terms {
		s.norm += ix.weight[t]
	}
}

// FAQ returns the FAQ the index was built from.
func (ix *Index) FAQ() *FAQ { return ix.faq }

// Analyzer returns the text analyzer the index uses, so other layers read text the same way.
func (ix *Index) Analyzer() *text.Analyzer { return ix.an }
