package eval

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/storyline-news/storyline/internal/porter"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// This file is a faithful reimplementation of ROUGE-1.5.5 (Chin-Yew Lin,
// 2004/2005): ROUGE-N, ROUGE-L and ROUGE-S/SU with recall, precision and F,
// the model-average (-f A) and best-model (-f B) formulas, Porter stemming
// after a WordNet exception lookup (-m), stopword removal (-s), length
// limits in words (-l) and bytes (-b), per-evaluation rounding to five
// decimals and bootstrap confidence intervals seeded as the Perl script
// seeds them (-c, -r). It reproduces NIST's DUC 2006 output figure for
// figure (see rouge_test.go).

// RougeOptions mirror ROUGE-1.5.5's command-line options.
type RougeOptions struct {
	// N is the largest n of ROUGE-N (-n); 0 computes no ROUGE-N.
	N int
	// Stem applies the WordNet exception lists then Porter's stemmer to
	// words longer than three letters (-m).
	Stem bool
	// RemoveStopwords drops SMART's common words (-s).
	RemoveStopwords bool
	// Words (-l) and Bytes (-b) keep only the start of every summary;
	// at most one of them may be set.
	Words int
	Bytes int
	// LCS computes ROUGE-L (the default of ROUGE-1.5.5; -x turns it off).
	LCS bool
	// Skip computes ROUGE-S with at most SkipDistance words between the
	// two words of a pair (-2; a negative distance means no limit), and
	// SkipUnigrams adds unigrams to the pairs (-u, giving ROUGE-SU).
	Skip         bool
	SkipDistance int
	SkipUnigrams bool
	// BestModel scores a summary against its best model only (-f B);
	// otherwise counts are summed over the models (-f A).
	BestModel bool
	// Alpha weighs precision against recall in F (-p).
	Alpha float64
	// Confidence is the width of the confidence interval in percent (-c)
	// and Samples the number of bootstrap resamples (-r).
	Confidence float64
	Samples    int
}

// DUCRougeOptions returns the settings of DUC 2004 and after:
// -n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -x, with the given limit
// in words (0: none).
func DUCRougeOptions(words int) RougeOptions {
	return RougeOptions{N: 4, Stem: true, Words: words, Skip: true, SkipDistance: 4, SkipUnigrams: true,
		Alpha: 0.5, Confidence: 95, Samples: 1000}
}

// Validate reports whether the options can be used.
func (o RougeOptions) Validate() error {
	switch {
	case o.Words > 0 && o.Bytes > 0:
		return errors.New("eval: rouge: give a length limit in words or bytes, not both")
	case o.Words < 0 || o.Bytes < 0:
		return errors.New("eval: rouge: negative length limit")
	case o.Alpha < 0 || o.Alpha > 1:
		return fmt.Errorf("eval: rouge: alpha %g outside 0..1", o.Alpha)
	case o.Confidence < 0 || o.Confidence > 100:
		return fmt.Errorf("eval: rouge: confidence %g outside 0..100", o.Confidence)
	case o.Samples < 0:
		return errors.New("eval: rouge: negative number of samples")
	}
	return nil
}

// Rouge scores summaries. It holds the options and ROUGE's language data;
// it is safe for concurrent use.
type Rouge struct {
	Opt        RougeOptions
	exceptions map[string]string
	stopwords  map[string]bool
	stems      sync.Map // word → stem
	vocabMu    sync.Mutex
	vocab      map[string]int32 // word → id, for ROUGE-L
}

// ErrRougeData is returned when ROUGE's data files cannot be read.
var ErrRougeData = errors.New("eval: rouge data")

// NewRouge returns a scorer with the given options, reading the WordNet
// exception lists (adj, adv, noun, verb.exc, a later list overriding an
// earlier one) and smart_common_words.txt from dir. Files the options do
// not need are not read.
func NewRouge(dir string, opt RougeOptions) (*Rouge, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	r := &Rouge{Opt: opt, exceptions: map[string]string{}, stopwords: map[string]bool{}}
	if opt.Stem {
		for _, name := range []string{"adj.exc", "adv.exc", "noun.exc", "verb.exc"} {
			err := rougeReadLines(filepath.Join(dir, name), func(line string) {
				f := strings.Fields(line)
				if len(f) >= 2 {
					r.exceptions[f[0]] = f[1]
				}
			})
			if err != nil {
				return nil, err
			}
		}
	}
	if opt.RemoveStopwords {
		err := rougeReadLines(filepath.Join(dir, "smart_common_words.txt"), func(line string) {
			r.stopwords[line] = true
		})
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

func rougeReadLines(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrRougeData, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrRougeData, path, err)
	}
	return nil
}

// stem is ROUGE's MorphStem: the exception lists first, then Porter.
func (r *Rouge) stem(w string) string {
	if s, ok := r.stems.Load(w); ok {
		return s.(string)
	}
	s, ok := r.exceptions[w]
	if !ok {
		s = porter.Stem(w)
	}
	r.stems.Store(w, s)
	return s
}

// RougeText is a summary prepared for scoring: cut to the length limit,
// tokenised, stopwords removed and stemmed as the options say, with its
// n-gram counts.
type RougeText struct {
	// Tokens are the words of the whole text (ROUGE's readText).
	Tokens []string
	// Units are the words of each sentence, cut as ROUGE's readText_LCS
	// cuts them.
	Units [][]string
	units [][]int32        // Units as vocabulary ids
	grams []map[string]int // index n-1
	skip  map[string]int
	// counts of grams[n-1] and skip
	nCount    []int
	skipCount int
}

// Prepare turns the sentences of a summary, one per element as in
// ROUGE's SPL format, into a RougeText. Empty lines are ignored.
func (r *Rouge) Prepare(lines []string) *RougeText {
	var snt []string
	for _, l := range lines {
		l = strings.TrimRight(l, "\n")
		if l == "" {
			continue
		}
		snt = append(snt, rougeLower(l))
	}
	t := &RougeText{}
	if text, ok := r.cut(snt); ok {
		t.Tokens = r.words(rougeClean(text))
	}
	for _, u := range r.cutUnits(snt) {
		t.Units = append(t.Units, r.words(rougeClean(u)))
	}
	if r.Opt.LCS {
		r.vocabMu.Lock()
		if r.vocab == nil {
			r.vocab = map[string]int32{}
		}
		for _, u := range t.Units {
			ids := make([]int32, len(u))
			for k, w := range u {
				id, ok := r.vocab[w]
				if !ok {
					id = int32(len(r.vocab))
					r.vocab[w] = id
				}
				ids[k] = id
			}
			t.units = append(t.units, ids)
		}
		r.vocabMu.Unlock()
	}
	t.grams = make([]map[string]int, r.Opt.N)
	t.nCount = make([]int, r.Opt.N)
	for n := 1; n <= r.Opt.N; n++ {
		t.grams[n-1], t.nCount[n-1] = rougeNgrams(t.Tokens, n)
	}
	if r.Opt.Skip {
		t.skip, t.skipCount = rougeSkipBigrams(t.Tokens, r.Opt.SkipDistance, r.Opt.SkipUnigrams)
	}
	return t
}

// PrepareText splits text into lines and prepares it.
func (r *Rouge) PrepareText(text string) *RougeText {
	return r.Prepare(strings.Split(text, "\n"))
}

func rougeLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func rougeIsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// rougeSplit splits s as Perl's split(/\s+/, s) does: a leading empty
// field when s starts with white space, no trailing empty fields.
func rougeSplit(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		j := i
		for j < len(s) && !rougeIsSpace(s[j]) {
			j++
		}
		out = append(out, s[i:j])
		for j < len(s) && rougeIsSpace(s[j]) {
			j++
		}
		i = j
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cut applies the length limit the way readText does; ok is false when
// the text is empty (undefined in the Perl).
func (r *Rouge) cut(snt []string) (string, bool) {
	limitW, limitB := r.Opt.Words, r.Opt.Bytes
	switch {
	case limitW == 0 && limitB == 0:
		return strings.Join(snt, " "), len(snt) > 0
	case limitW != 0:
		var b strings.Builder
		n := 0
		for _, s := range snt {
			tok := rougeSplit(s)
			if n+len(tok) < limitW {
				if n != 0 {
					b.WriteByte(' ')
				}
				b.WriteString(s)
				n += len(tok)
				continue
			}
			if n > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(tok[:limitW-n], " "))
			break
		}
		return b.String(), b.Len() > 0
	default:
		var b strings.Builder
		n := 0
		for _, s := range snt {
			if n+len(s) < limitB {
				if n != 0 {
					b.WriteByte(' ')
				}
				b.WriteString(s)
				n += len(s)
				continue
			}
			if n > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[:limitB-n])
			break
		}
		return b.String(), b.Len() > 0
	}
}

// cutUnits applies the length limit the way readText_LCS does (which,
// with a byte limit, never counts the bytes already taken).
func (r *Rouge) cutUnits(snt []string) []string {
	limitW, limitB := r.Opt.Words, r.Opt.Bytes
	switch {
	case limitW == 0 && limitB == 0:
		return snt
	case limitW != 0:
		var out []string
		n := 0
		for _, s := range snt {
			tok := rougeSplit(s)
			if n+len(tok) < limitW {
				n += len(tok)
				out = append(out, s)
				continue
			}
			out = append(out, strings.Join(tok[:limitW-n], " "))
			break
		}
		return out
	default:
		var out []string
		for _, s := range snt {
			if len(s) < limitB {
				out = append(out, s)
				continue
			}
			out = append(out, s[:limitB])
			break
		}
		return out
	}
}

// clean is ROUGE's tokenisation: hyphens become separate tokens, every
// other character that is not an ASCII letter or digit becomes a space.
func rougeClean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // trims leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("- ")
			space = true
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b.WriteByte(c)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// words turns cleaned text into ROUGE's tokens (createNGram's m_tokens).
func (r *Rouge) words(s string) []string {
	var out []string
	for _, w := range strings.Split(s, " ") {
		if w == "" || r.Opt.RemoveStopwords && r.stopwords[w] {
			continue
		}
		c := w[0]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '$') {
			continue
		}
		if r.Opt.Stem && len(w) > 3 {
			w = r.stem(w)
		}
		out = append(out, w)
	}
	return out
}

func rougeNgrams(tok []string, n int) (map[string]int, int) {
	g := map[string]int{}
	count := 0
	for i := 0; i+n <= len(tok); i++ {
		g[strings.Join(tok[i:i+n], " ")]++
		count++
	}
	return g, count
}

// skipBigrams is createSkipBigram, including its habit of leaving out the
// last word's unigram.
func rougeSkipBigrams(tok []string, dist int, unigrams bool) (map[string]int, int) {
	g := map[string]int{}
	count := 0
	for i := 0; i < len(tok)-1; i++ {
		if unigrams {
			g[tok[i]]++
			count++
		}
		for j := i + 1; j < len(tok) && (dist < 0 || j <= i+dist+1); j++ {
			g[tok[i]+" "+tok[j]]++
			count++
		}
	}
	return g, count
}

// Score is one recall, precision and F, each rounded to five decimals as
// ROUGE-1.5.5 rounds them.
type Score struct {
	R, P, F float64
}

func rougeRound(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 5, 64), 64)
	return v
}

// score turns totals into a rounded Score, F from the rounded R and P.
func (r *Rouge) score(hit, modelCount, peerCount float64) Score {
	var s Score
	if modelCount != 0 {
		s.R = rougeRound(hit / modelCount)
	}
	if peerCount != 0 {
		s.P = rougeRound(hit / peerCount)
	}
	a := r.Opt.Alpha
	if d := (1-a)*s.P + a*s.R; d > 0 {
		s.F = rougeRound(s.P * s.R / d)
	}
	return s
}

// combine sums (model average) or picks the best (best model) of the
// per-model hits and counts.
func (r *Rouge) combine(hits, mcounts, pcounts []float64) Score {
	var hit, mc, pc float64
	best := -1.0
	for i := range hits {
		if !r.Opt.BestModel {
			hit += hits[i]
			mc += mcounts[i]
			pc += pcounts[i]
			continue
		}
		sc := 0.0
		if mcounts[i] != 0 {
			sc = rougeRound(hits[i] / mcounts[i])
		}
		if sc > best {
			best, hit, mc, pc = sc, hits[i], mcounts[i], pcounts[i]
		}
	}
	return r.score(hit, mc, pc)
}

func rougeClipped(model, peer map[string]int) float64 {
	h := 0
	for g, m := range model {
		if p, ok := peer[g]; ok {
			h += min(p, m)
		}
	}
	return float64(h)
}

// N returns ROUGE-n of peer against models (1 <= n <= Opt.N).
func (r *Rouge) N(n int, peer *RougeText, models []*RougeText) Score {
	if n < 1 || n > r.Opt.N {
		panic(fmt.Sprintf("eval: rouge: ROUGE-%d not prepared (N=%d)", n, r.Opt.N))
	}
	hits, mc, pc := make([]float64, len(models)), make([]float64, len(models)), make([]float64, len(models))
	for i, m := range models {
		hits[i] = rougeClipped(m.grams[n-1], peer.grams[n-1])
		mc[i] = float64(m.nCount[n-1])
		pc[i] = float64(peer.nCount[n-1])
	}
	return r.combine(hits, mc, pc)
}

// S returns ROUGE-S (ROUGE-SU with SkipUnigrams) of peer against models.
func (r *Rouge) S(peer *RougeText, models []*RougeText) Score {
	if !r.Opt.Skip {
		panic("eval: rouge: skip bigrams not prepared")
	}
	hits, mc, pc := make([]float64, len(models)), make([]float64, len(models)), make([]float64, len(models))
	for i, m := range models {
		hits[i] = rougeClipped(m.skip, peer.skip)
		mc[i] = float64(m.skipCount)
		pc[i] = float64(peer.skipCount)
	}
	return r.combine(hits, mc, pc)
}

// L returns ROUGE-L, the union longest common subsequence of each model
// sentence with the peer's sentences, clipped by unigram counts.
func (r *Rouge) L(peer *RougeText, models []*RougeText) Score {
	if !r.Opt.LCS {
		panic("eval: rouge: ROUGE-L not prepared (LCS is false)")
	}
	peer1, _ := rougeNgrams(peer.Tokens, 1)
	peerCount := float64(len(peer.Tokens))
	hits, mc, pc := make([]float64, len(models)), make([]float64, len(models)), make([]float64, len(models))
	for k, m := range models {
		model1, _ := rougeNgrams(m.Tokens, 1)
		tmpPeer := make(map[string]int, len(peer1))
		for w, c := range peer1 {
			tmpPeer[w] = c
		}
		hit, base := 0, 0
		var dir []byte
		for u, ms := range m.Units {
			mask := make([]bool, len(ms))
			base += len(ms)
			for _, ps := range peer.units {
				rougeMarkLCS(m.units[u], ps, mask, &dir)
			}
			for j, w := range ms {
				if mask[j] && model1[w] > 0 && tmpPeer[w] > 0 {
					hit++
					model1[w]--
					tmpPeer[w]--
				}
			}
		}
		hits[k], mc[k], pc[k] = float64(hit), float64(base), peerCount
	}
	return r.combine(hits, mc, pc)
}

// rougeMarkLCS marks in mask the model words on one longest common
// subsequence of model and peer, tracing back as ROUGE does (ties go up,
// towards earlier model words). dir is scratch space.
func rougeMarkLCS(model, peer []int32, mask []bool, dir *[]byte) {
	m, n := len(model), len(peer)
	if m == 0 {
		return
	}
	w := n + 1
	if cap(*dir) < (m+1)*w {
		*dir = make([]byte, (m+1)*w)
	}
	b := (*dir)[:(m+1)*w]
	prev := make([]int32, w)
	cur := make([]int32, w)
	for i := 1; i <= m; i++ {
		cur[0] = 0
		row := b[i*w : (i+1)*w]
		for j := 1; j <= n; j++ {
			switch {
			case model[i-1] == peer[j-1]:
				cur[j] = prev[j-1] + 1
				row[j] = '\\'
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
				row[j] = '^'
			default:
				cur[j] = cur[j-1]
				row[j] = '<'
			}
		}
		prev, cur = cur, prev
	}
	i, j := m, n
	for i != 0 && j != 0 {
		switch b[i*w+j] {
		case '\\':
			i--
			j--
			mask[i] = true
		case '^':
			i--
		default:
			j--
		}
	}
}

// Jackknife scores peer against every set of all models but one with
// score (r.N, r.S or r.L wrapped) and returns the mean of those scores:
// the jackknifing NIST has applied since DUC 2005, which lets a human
// summary, scored against the other humans, be compared with a system's.
// NIST writes one <EVAL> per left-out model, so each of these scores is
// an instance of its own in the average; the mean here is the same
// figure for one peer. With fewer than two models it is score itself.
func (r *Rouge) Jackknife(score func(peer *RougeText, models []*RougeText) Score, peer *RougeText, models []*RougeText) Score {
	if len(models) < 2 {
		return score(peer, models)
	}
	var sum Score
	rest := make([]*RougeText, 0, len(models)-1)
	for k := range models {
		rest = append(rest[:0], models[:k]...)
		rest = append(rest, models[k+1:]...)
		s := score(peer, rest)
		sum.R += s.R
		sum.P += s.P
		sum.F += s.F
	}
	n := float64(len(models))
	return Score{sum.R / n, sum.P / n, sum.F / n}
}

// Instance is one scored summary in an average: an evaluation ID (ROUGE's
// "EVAL.PEER") and its score.
type Instance struct {
	ID    string
	Score Score
}

// Average is a mean score over instances with its bootstrap confidence
// interval.
type Average struct {
	Mean, Low, High Score
}

// Average returns the mean of the instances' scores and its confidence
// interval by ROUGE-1.5.5's bootstrap: the reported mean is the mean of
// the resampled means, the i-th resample is drawn from Perl's rougeRand
// seeded with i, over the instances sorted by ID, and every figure is
// rounded to five decimals. With no samples it returns the plain mean.
func (r *Rouge) Average(inst []Instance) Average {
	inst = append([]Instance(nil), inst...)
	sort.Slice(inst, func(i, j int) bool { return inst[i].ID < inst[j].ID })
	n := len(inst)
	var out Average
	if n == 0 {
		return out
	}
	if r.Opt.Samples <= 0 {
		var s Score
		for _, x := range inst {
			s.R += x.Score.R
			s.P += x.Score.P
			s.F += x.Score.F
		}
		m := Score{rougeRound(s.R / float64(n)), rougeRound(s.P / float64(n)), rougeRound(s.F / float64(n))}
		return Average{m, m, m}
	}
	k := r.Opt.Samples
	rs, ps, fs := make([]float64, k), make([]float64, k), make([]float64, k)
	for i := 0; i < k; i++ {
		rng := newRougeRand(uint32(i))
		var s Score
		for range n {
			x := inst[int(rng.next()*float64(n))].Score
			s.R += x.R
			s.P += x.P
			s.F += x.F
		}
		rs[i], ps[i], fs[i] = s.R/float64(n), s.P/float64(n), s.F/float64(n)
	}
	delta := float64(k) * ((100 - r.Opt.Confidence) / 2) / 100
	ua := int(float64(k) - delta - 1)
	la := int(delta)
	ratio := float64(k) - delta - 1 - float64(ua)
	ci := func(v []float64) (mean, lo, hi float64) {
		sort.Float64s(v)
		sum := 0.0
		for _, x := range v {
			sum += x
		}
		at := func(a int) float64 {
			b := min(a+1, len(v)-1)
			a = min(max(a, 0), len(v)-1)
			return v[a] + (v[b]-v[a])*ratio
		}
		return rougeRound(sum / float64(len(v))), rougeRound(at(la)), rougeRound(at(ua))
	}
	out.Mean.R, out.Low.R, out.High.R = ci(rs)
	out.Mean.P, out.Low.P, out.High.P = ci(ps)
	out.Mean.F, out.Low.F, out.High.F = ci(fs)
	return out
}

// rougeRand is the 48-bit linear congruential generator behind Perl's rand
// on Unix, seeded as srand48 seeds it.
type rougeRand struct{ x uint64 }

func newRougeRand(seed uint32) *rougeRand { return &rougeRand{x: uint64(seed)<<16 | 0x330E} }

func (d *rougeRand) next() float64 {
	d.x = (0x5DEECE66D*d.x + 0xB) & (1<<48 - 1)
	return float64(d.x) / (1 << 48)
}
