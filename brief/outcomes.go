package brief

import (
	"sort"
	"strings"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
)

// Outcomes.
//
// A claim gives the outcome by its name ("under arrest", "not charged")
// and the words of its sources ("not under arrest (not been arrested)").
//
// Whether someone was arrested, charged or convicted is an outcome a
// source states or denies ("was under arrest", "had not been arrested").
// Two sources whose sentences tell of one outcome of one happening (the
// words around it share outcomeShared content words) but one stating it
// and the other denying it disagree. When every source that denies it was
// published before every source that states it, the outcome changed as
// the story unfolded, and the conflict is marked as a change, its claims
// in publication order.

const outcomeShared = 2

// outcomes maps the words of an outcome to the outcome.
var outcomes = map[string]string{
	"arrest": "arrested", "arrested": "arrested", "custody": "arrested", "detained": "arrested",
	"charged": "charged", "indicted": "charged",
	"convicted": "convicted",
}

// outcomeLabels name each outcome as a claim states it; a denial puts
// "not" before it.
var outcomeLabels = map[string]string{"arrested": "under arrest", "charged": "charged", "convicted": "convicted"}

// negations deny the outcome after them.
var negations = map[string]bool{"not": true, "never": true, "no": true, "without": true}

type outcomeMention struct {
	doc      *news.Doc
	outcome  string
	denied   bool
	text     string
	evidence string
	words    bag
}

// outcomeMentions lists the outcomes d's sentences state or deny, the
// first of each sentence.
func outcomeMentions(d *news.Doc) []outcomeMention {
	var out []outcomeMention
	var ws []word
	for i, sent := range d.Sentences {
		if d.InOpinion(sent.Span) {
			continue
		}
		text := d.SentenceText(i)
		ws = appendWords(ws[:0], text, 0)
		for k, w := range ws {
			o, ok := ascii.Lookup(outcomes, w.text)
			if !ok {
				continue
			}
			from := max(0, k-2)
			denied := false
			for j := max(0, k-4); j < k; j++ {
				lw := strings.ToLower(ws[j].text)
				if negations[lw] || strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t") {
					denied, from = true, j
				}
			}
			phrase := tidy(text[ws[from].start:w.end])
			m := outcomeMention{doc: d, outcome: o, denied: denied, text: phrase, evidence: tidy(text),
				words: stemBag(contentBag(window(text, ws[from].start, w.end)))}
			if i > 0 {
				// The sentence before says whom it befell ("The driver
				// was under police guard. But not under arrest").
				m.words.add(stemBag(contentBag(d.SentenceText(i - 1))))
			}
			out = append(out, m)
			break
		}
	}
	return out
}

// outcomeConflicts compares the outcomes the sources state and deny.
func outcomeConflicts(s *news.Story, orig map[string]string) []news.Conflict {
	all := fromOriginals(s, orig, outcomeMentions)
	same := func(i, j int) bool {
		if all[j].doc == all[i].doc || all[j].outcome != all[i].outcome {
			return false
		}
		shared := 0
		for w := range all[i].words {
			if all[j].words[w] > 0 {
				shared++
			}
		}
		return shared >= outcomeShared
	}
	return happenings(len(all), same, func(group []int) (news.Conflict, bool) {
		i := group[0]
		var claims [2]news.Claim // stated, denied
		var phrases [2][]string
		var last, first [2]string // the latest and the earliest day of each side
		for _, k := range group {
			m := all[k]
			side := 0
			if m.denied {
				side = 1
			}
			if claims[side].Evidence == "" {
				claims[side].Evidence = m.evidence
			}
			claims[side].Sources = appendOnce(claims[side].Sources, m.doc.ID)
			if !contains(phrases[side], m.text) {
				phrases[side] = append(phrases[side], m.text)
			}
			if day := day(m.doc.Date); !m.doc.Date.IsZero() {
				if last[side] == "" || day > last[side] {
					last[side] = day
				}
				if first[side] == "" || day < first[side] {
					first[side] = day
				}
			}
		}
		if len(claims[0].Sources) == 0 || len(claims[1].Sources) == 0 {
			return news.Conflict{}, false
		}
		for side := range claims {
			label := outcomeLabels[all[i].outcome]
			if side == 1 {
				label = "not " + label
			}
			claims[side].Value = label + " (" + strings.Join(phrases[side], "; ") + ")"
			sort.Strings(claims[side].Sources)
		}
		c := news.Conflict{About: "whether " + all[i].outcome, Kind: "other", Claims: []news.Claim{claims[0], claims[1]}}
		if last[1] != "" && first[0] != "" && last[1] < first[0] {
			// Denied first, stated later: it happened as the story went on.
			c.Change = true
			c.Claims = []news.Claim{claims[1], claims[0]}
		}
		return c, true
	})
}
