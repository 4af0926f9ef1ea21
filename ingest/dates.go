package ingest

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/lexicon"
)

// otherMonths are month names of other European languages, read in a web
// page's metadata and date lines, whose language is not known; the lines
// of plain text use lexicon's English months alone.
var otherMonths = map[string]time.Month{
	"januar": 1, "jänner": 1, "janvier": 1, "enero": 1, "gennaio": 1, "januari": 1, "janeiro": 1,
	"februar": 2, "février": 2, "fevrier": 2, "febrero": 2, "febbraio": 2, "februari": 2, "fevereiro": 2,
	"märz": 3, "maerz": 3, "mars": 3, "marzo": 3, "maart": 3, "março": 3,
	"avril": 4, "abril": 4, "aprile": 4,
	"mai": 5, "mayo": 5, "maggio": 5, "mei": 5, "maio": 5,
	"juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
	"juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
	"août": 8, "aout": 8, "agosto": 8, "augustus": 8,
	"septembre": 9, "septiembre": 9, "settembre": 9, "setembro": 9,
	"oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
	"novembre": 11, "noviembre": 11, "novembro": 11,
	"dezember": 12, "décembre": 12, "decembre": 12, "diciembre": 12, "dicembre": 12, "dezembro": 12,
}

// dateLayouts are tried in turn by parseDate before the word scanner.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC822Z,
	time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006",
}

// parseDate reads a date as metadata states it: an ISO or RFC date, or
// words such as "June 22, 2021" or "22 June 2021 10:35 GMT".
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, plausibleYear(t.Year())
		}
	}
	return scanDate(s, false, true)
}

func plausibleYear(y int) bool { return y >= 1800 && y <= 2200 }

// stampDate reports whether line is nothing but a date, possibly with a
// time, weekday and zone ("23:35 GMT22 June 2021"), and returns it.
func stampDate(line string) (time.Time, bool) {
	if len(line) > 60 {
		return time.Time{}, false
	}
	return scanDate(line, true, false)
}

// dateTokens splits s into words, cutting between letters and digits
// ("GMT22" → "GMT", "22") and at separators.
func dateTokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == ',' || r == '|' || r == '(' || r == ')' || r == '•' || r == '·':
			flush()
		case len(cur) > 0 && (unicode.IsLetter(r) && unicode.IsDigit(prev) && !isOrdinalStart(cur, r) || unicode.IsDigit(r) && unicode.IsLetter(prev)):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return out
}

// isOrdinalStart reports whether r starts an ordinal suffix after the
// digits in cur ("22nd").
func isOrdinalStart(cur []rune, r rune) bool {
	if len(cur) > 2 {
		return false
	}
	for _, c := range cur {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	switch unicode.ToLower(r) {
	case 's', 'n', 'r', 't':
		return true
	}
	return false
}

// scanDate finds a day, month and year among the words of s. When strict,
// every word must be part of a date or time; otherwise other words are
// skipped. When loose, as for a web page's metadata and date lines,
// month names of other languages and numeric dates ("30.04.2019") count
// too.
func scanDate(s string, strict, loose bool) (time.Time, bool) {
	t, _, ok := scanDateStamp(s, strict, loose)
	return t, ok
}

// scanDateStamp is scanDate that also reports whether the date reads as a
// time stamp: a clock time or a weekday that agrees goes with it.
//
// A numeric date ("30.04.2019", "10/21/2011") is read as follows. With
// dots it is day first, as in Europe. With slashes it is read the one way
// that makes a date (a part over 12 is the day), else the way that agrees
// with a weekday given with it; loose, as in metadata, month first as in
// the US when nothing decides. Not loose, an undecided order is no date,
// and a weekday that no reading agrees with rejects the date.
func scanDateStamp(s string, strict, loose bool) (time.Time, bool, bool) {
	var (
		year, day, hour, min = 0, 0, -1, 0
		month                time.Month
		pm, am, zoneUTC      bool
		zone                 = false
		weekday              = time.Weekday(-1)
		numeric              []int // the parts of a numeric date, in order
		slashed              bool
	)
	for _, tok := range dateTokens(s) {
		low := strings.ToLower(strings.TrimRight(tok, "."))
		switch {
		case isDottedDate(tok) && numeric == nil:
			slashed = strings.Contains(tok, "/")
			for _, x := range strings.Split(strings.TrimSuffix(strings.ReplaceAll(tok, "/", "."), "."), ".") {
				n, _ := strconv.Atoi(x)
				numeric = append(numeric, n)
			}
		case isISODate(tok):
			y, _ := strconv.Atoi(tok[0:4])
			m, _ := strconv.Atoi(tok[5:7])
			d, _ := strconv.Atoi(tok[8:10])
			year, month, day = y, time.Month(m), d
		case isClock(tok):
			if hour < 0 {
				h, m, _ := strings.Cut(tok, ":")
				hour, _ = strconv.Atoi(h)
				min, _ = strconv.Atoi(m[:2])
			}
		case lexicon.MonthNumber(low) != 0 && month == 0:
			month = time.Month(lexicon.MonthNumber(low))
		case loose && otherMonths[low] != 0 && month == 0:
			month = otherMonths[low]
		case lexicon.WeekdayNumber(low) != 0:
			weekday = time.Weekday(lexicon.WeekdayNumber(low) % 7)
		case low == "am" || low == "a.m":
			am = true
		case low == "pm" || low == "p.m":
			pm = true
		case isNumber(low):
			n, _ := strconv.Atoi(strings.TrimRight(low, "stndrh"))
			switch {
			case len(strings.TrimRight(low, "stndrh")) == 4 && year == 0:
				year = n
			case n >= 1 && n <= 31 && day == 0:
				day = n
			default:
				if strict {
					return time.Time{}, false, false
				}
			}
		case isZone(tok):
			zone = true
			zoneUTC = zoneUTC || low == "gmt" || low == "utc" || low == "z"
		case low == "at" || low == "on" || low == "-" || low == "–" || low == "/":
		default:
			if strict {
				return time.Time{}, false, false
			}
		}
	}
	if numeric != nil {
		d, m, ok := numericOrder(numeric[0], numeric[1], numeric[2], slashed, weekday, loose)
		if !ok {
			return time.Time{}, false, false
		}
		year, month, day = numeric[2], time.Month(m), d
	}
	if year == 0 || month == 0 || day == 0 || !plausibleYear(year) {
		return time.Time{}, false, false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false, false
	}
	if weekday >= 0 && t.Weekday() != weekday && numeric != nil && !loose {
		return time.Time{}, false, false
	}
	stamp := hour >= 0 || weekday >= 0 && t.Weekday() == weekday
	if hour >= 0 && hour < 24 && min < 60 && (zoneUTC || !zone) {
		if pm && hour < 12 {
			hour += 12
		}
		if am && hour == 12 {
			hour = 0
		}
		t = t.Add(time.Duration(hour)*time.Hour + time.Duration(min)*time.Minute)
	}
	return t, stamp, true
}

// numericOrder decides which of the first two parts of a numeric date is
// the day and which the month (see scanDateStamp).
func numericOrder(a, b, year int, slashed bool, weekday time.Weekday, loose bool) (day, month int, ok bool) {
	valid := func(d, m int) bool {
		t := time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		return m >= 1 && m <= 12 && d >= 1 && t.Day() == d
	}
	agrees := func(d, m int) bool {
		return weekday >= 0 && time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC).Weekday() == weekday
	}
	if !slashed {
		return a, b, valid(a, b)
	}
	dayFirst, monthFirst := valid(a, b), valid(b, a)
	switch {
	case dayFirst && monthFirst && a != b:
		switch {
		case agrees(a, b) && !agrees(b, a):
			return a, b, true
		case agrees(b, a) && !agrees(a, b):
			return b, a, true
		case loose:
			return b, a, true
		}
		return 0, 0, false
	case monthFirst:
		return b, a, true
	case dayFirst:
		return a, b, true
	}
	return 0, 0, false
}

func isISODate(s string) bool {
	if len(s) != 10 || (s[4] != '-' && s[4] != '/') || s[7] != s[4] {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// isDottedDate reports whether s is a day, month and four-digit year
// written with dots or slashes: "05.10.2013", "6/22/2021".
func isDottedDate(s string) bool {
	sep := "."
	if strings.Contains(s, "/") {
		sep = "/"
	}
	p := strings.Split(strings.TrimSuffix(s, "."), sep)
	if len(p) != 3 || len(p[0]) < 1 || len(p[0]) > 2 || len(p[1]) < 1 || len(p[1]) > 2 || len(p[2]) != 4 {
		return false
	}
	for _, x := range p {
		for _, c := range x {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	m, _ := strconv.Atoi(p[1])
	d, _ := strconv.Atoi(p[0])
	return m >= 1 && d >= 1 && (m <= 12 || sep == "/" && d <= 12)
}

func isClock(s string) bool {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) < 2 {
		return false
	}
	for _, c := range h + strings.ReplaceAll(m, ":", "") {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(m) == 2 || len(m) == 5 && m[2] == ':'
}

func isNumber(s string) bool {
	d := strings.TrimRight(s, "stndrh")
	if d == "" || len(d) > 4 {
		return false
	}
	if d != s {
		switch s[len(d):] {
		case "st", "nd", "rd", "th":
		default:
			return false
		}
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isZone reports whether s looks like a time zone: an abbreviation in
// capitals ("GMT", "EDT") or an offset ("+0300").
func isZone(s string) bool {
	if len(s) >= 3 && (s[0] == '+' || s[0] == '-') {
		rest := strings.ReplaceAll(s[1:], ":", "")
		return len(rest) >= 2 && len(rest) <= 4 && isNumber(rest)
	}
	if len(s) < 1 || len(s) > 5 {
		return false
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// nearestYear returns month/day in the year that puts it nearest ref.
func nearestYear(month time.Month, day int, ref time.Time) time.Time {
	best := time.Time{}
	var bestGap time.Duration
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t := time.Date(y, month, day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			continue
		}
		gap := t.Sub(ref)
		if gap < 0 {
			gap = -gap
		}
		if best.IsZero() || gap < bestGap {
			best, bestGap = t, gap
		}
	}
	return best
}

// clockBeforeStamp reads a page stamp split over two lines, a clock time
// alone on line i and the date alone on the next non-empty line
// ("14:13" / "30.04.2019"): it returns the two joined and the index of
// the second, or -1.
func clockBeforeStamp(lines []line, i int) (string, int) {
	if !isClock(lines[i].text) {
		return "", -1
	}
	for j := i + 1; j < len(lines); j++ {
		if lines[j].text == "" {
			continue
		}
		if _, ok := stampDate(lines[j].text); ok {
			return lines[i].text + " " + lines[j].text, j
		}
		return "", -1
	}
	return "", -1
}

// postedDateWords is the most words a line at the top of a text may have
// to be read as a line that dates the page ("Submitted by editor on Fri,
// 10/21/2011 - 09:42").
const postedDateWords = 12

// postedDate reads a short line at the top of a text that, among other
// words, gives a full date as a time stamp: with a clock time, or with a
// weekday that agrees with it.
func postedDate(t string) (time.Time, bool) {
	if len(strings.Fields(t)) > postedDateWords {
		return time.Time{}, false
	}
	d, stamp, ok := scanDateStamp(t, false, false)
	return d, ok && stamp
}
