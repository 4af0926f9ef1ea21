package textvec

import "github.com/storyline-news/storyline/lexicon"

// IsStopword reports whether a lowercase word is a stopword: an English
// function word, or a reporting verb or honorific every news article
// repeats, which never makes a concept on its own and carries no weight in
// similarity. The list is lexicon's (lexicon.Stopword).
func IsStopword(w string) bool { return lexicon.ClassOf(w)&lexicon.Stopword != 0 }
