package textvec

import "strings"

// stopwords are English function words (and the reporting verbs and
// honorifics every news article repeats): they never make a concept on
// their own and carry no weight in similarity. This is storyline's one
// stopword list.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
	be because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into is
	it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves then
	there these they this those through to too under until up very was we were what when where which
	while who whom why will with would you your yours yourself yourselves said says say mr mrs ms
	also may might must shall us upon yet s t`) {
		m[w] = true
	}
	return m
}()

// IsStopword reports whether a lowercase word is a stopword.
func IsStopword(w string) bool { return stopwords[w] }
