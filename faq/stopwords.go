package faq

// stopwords are function words and chat filler that say nothing about the topic. Question words
// (what, why, how, when, which) are kept: they tell "when to see a doctor" from "which doctor".
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "an", "the", "and", "or", "but", "if", "so", "than", "then", "that", "this", "these",
		"those", "there", "here", "it", "its", "itself", "i", "me", "my", "mine", "myself", "we", "us",
		"our", "you", "your", "yours", "he", "him", "his", "she", "her", "they", "them", "their",
		"is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done",
		"have", "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may",
		"might", "must", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "about",
		"into", "onto", "up", "down", "out", "off", "over", "under", "again", "further", "once",
		"as", "until", "while", "during", "before", "after", "above", "below", "between", "through",
		"not", "no", "nor", "never", "any", "some", "all", "both", "each", "few", "more", "most",
		"other", "such", "own", "same", "too", "very", "just", "also", "only", "still", "even",
		"really", "quite", "pretty", "much", "many", "lot", "lots", "bit", "kind", "sort", "like",
		"get", "gets", "got", "getting", "im", "ive", "id", "ill", "youre", "thats", "whats", "its",
		"hi", "hey", "hello", "lol", "pls", "plz", "please", "thanks", "thank", "thx", "ok", "okay",
		"um", "uh", "yeah", "yes", "anyone", "anybody", "someone", "something", "anything",
		"everything", "guys", "bot", "u", "ur", "r", "im", "dont", "gonna", "wanna", "kinda",
		"know", "tell", "wondering", "question", "ask", "asking", "help", "advice", "thing", "things",
		"think", "thought", "feel", "feels", "felt", "want", "need", "say", "said", "make", "makes",
		"go", "going", "went", "because", "cause", "since", "which", "who", "whom", "whose", "where",
		// Conversational filler and time words that say nothing about the topic.
		"today", "yesterday", "tomorrow", "ago", "recently", "lately", "actually", "basically",
		"literally", "honestly", "seriously", "maybe", "probably", "definitely", "totally",
		"completely", "super", "anyway", "though", "stuff", "idea", "ideas", "let", "lets", "seem",
		"seems", "try", "tried", "trying", "keep", "keeps", "kept", "wife", "husband", "friend",
		"mum", "mom", "dad", "partner", "guy", "person",
		"somebody", "nobody", "anyone's", "rid", "good",
	} {
		m[w] = true
	}
	// Keep these question words as content.
	for _, w := range []string{"which", "where"} {
		delete(m, w)
	}
	return m
}()
