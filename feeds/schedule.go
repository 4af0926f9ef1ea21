package feeds

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Defaults for the zero fields of Schedule.
const (
	DefaultMinInterval = 5 * time.Minute
	DefaultMaxInterval = 24 * time.Hour
	DefaultInterval    = time.Hour
	DefaultRetryBase   = 5 * time.Minute
)

// Schedule decides when a feed is polled next. The computation is
// deterministic (no jitter): the same state and headers give the same time.
// The zero value of a field means its default.
type Schedule struct {
	// Min and Max clamp every interval, backoffs and server hints included:
	// a feed is never polled more often than every Min, nor less often than
	// every Max.
	Min, Max time.Duration
	// Default is the interval of a feed with fewer than two known publish
	// times.
	Default time.Duration
	// RetryBase is the wait after the first failure; it doubles with each
	// further failure in a row.
	RetryBase time.Duration
}

func (s Schedule) withDefaults() Schedule {
	s.Min = cmp.Or(s.Min, DefaultMinInterval)
	s.Max = cmp.Or(s.Max, DefaultMaxInterval)
	s.Default = cmp.Or(s.Default, DefaultInterval)
	s.RetryBase = cmp.Or(s.RetryBase, DefaultRetryBase)
	return s
}

// Validate reports whether the schedule makes sense.
func (s Schedule) Validate() error {
	s = s.withDefaults()
	if s.Min < 0 || s.Default < 0 || s.RetryBase < 0 {
		return fmt.Errorf("feeds: schedule: negative duration in %+v", s)
	}
	if s.Min > s.Max {
		return fmt.Errorf("feeds: schedule: minimum interval %s above the maximum %s", s.Min, s.Max)
	}
	return nil
}

func (s Schedule) clamp(d time.Duration) time.Duration {
	return min(max(d, s.Min), s.Max)
}

// Interval estimates how often a feed publishes from the publish times of
// its recent items: the median gap between consecutive times, or half the
// silence since the newest item when that is longer (a feed that has gone
// quiet is asked less often), clamped to [Min, Max]. With fewer than two
// times in the past it is Default. Times after now are ignored.
func (s Schedule) Interval(published []time.Time, now time.Time) time.Duration {
	s = s.withDefaults()
	var ts []time.Time
	for _, t := range published {
		if !t.IsZero() && !t.After(now) {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, time.Time.Compare)
	ts = slices.CompactFunc(ts, time.Time.Equal)
	if len(ts) < 2 {
		return s.clamp(s.Default)
	}
	gaps := make([]time.Duration, len(ts)-1)
	for i := range gaps {
		gaps[i] = ts[i+1].Sub(ts[i])
	}
	slices.Sort(gaps)
	median := gaps[len(gaps)/2]
	if len(gaps)%2 == 0 {
		median = (gaps[len(gaps)/2-1] + gaps[len(gaps)/2]) / 2
	}
	if quiet := now.Sub(ts[len(ts)-1]) / 2; quiet > median {
		median = quiet
	}
	return s.clamp(median)
}

// Backoff is the wait after the given number of failures in a row:
// RetryBase doubled for each failure after the first, clamped to [Min, Max].
// No failures means no wait.
func (s Schedule) Backoff(failures int) time.Duration {
	s = s.withDefaults()
	if failures <= 0 {
		return 0
	}
	d := s.RetryBase
	for i := 1; i < failures && d < s.Max; i++ {
		d *= 2
	}
	return s.clamp(d)
}

// afterSuccess is the wait after a successful poll: the estimated interval,
// or longer when the server asks for it, clamped to [Min, Max].
func (s Schedule) afterSuccess(published []time.Time, now time.Time, hint time.Duration) time.Duration {
	s = s.withDefaults()
	return s.clamp(max(s.Interval(published, now), hint))
}

// afterFailure is the wait after a failed poll: the backoff, or longer when
// the server asks for it (Retry-After), clamped to [Min, Max].
func (s Schedule) afterFailure(failures int, hint time.Duration) time.Duration {
	s = s.withDefaults()
	return s.clamp(max(s.Backoff(failures), hint))
}

// ServerHint returns how long a response asks its client to wait before
// asking again, and false when it says nothing: the longer of Retry-After
// (seconds or an HTTP date) and the response's freshness lifetime, that is
// Cache-Control max-age (s-maxage is for shared caches) less the Age header,
// else Expires, both measured from the Date header when there is one and
// from now otherwise. Cache-Control no-cache or no-store and invalid Expires
// values mean no freshness; dates in the past mean no wait.
func ServerHint(h http.Header, now time.Time) (time.Duration, bool) {
	base := now
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		base = d
	}
	var hint time.Duration
	found := false
	if ra := strings.TrimSpace(h.Get("Retry-After")); ra != "" {
		if n, err := strconv.ParseInt(ra, 10, 64); err == nil && n >= 0 {
			hint, found = seconds(n), true
		} else if t, err := http.ParseTime(ra); err == nil {
			hint, found = max(t.Sub(base), 0), true
		}
	}
	if fresh, ok := freshness(h, base); ok {
		hint, found = max(hint, fresh), true
	}
	return hint, found
}

// freshness is the response's freshness lifetime left, RFC 9111 section 4.2.1.
func freshness(h http.Header, base time.Time) (time.Duration, bool) {
	maxAge := int64(-1)
	for _, v := range h.Values("Cache-Control") {
		for _, dir := range strings.Split(v, ",") {
			name, val, _ := strings.Cut(strings.TrimSpace(dir), "=")
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "no-cache", "no-store":
				return 0, false
			case "max-age":
				n, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(val), `"`), 10, 64)
				if err == nil && n >= 0 {
					maxAge = n
				}
			}
		}
	}
	if maxAge >= 0 {
		age, err := strconv.ParseInt(strings.TrimSpace(h.Get("Age")), 10, 64)
		if err != nil || age < 0 {
			age = 0
		}
		return max(seconds(maxAge)-seconds(age), 0), true
	}
	if ex := strings.TrimSpace(h.Get("Expires")); ex != "" {
		t, err := http.ParseTime(ex)
		if err != nil {
			return 0, true // invalid Expires (such as "0") means already expired
		}
		return max(t.Sub(base), 0), true
	}
	return 0, false
}

// seconds converts a count of seconds to a Duration without overflowing.
func seconds(n int64) time.Duration {
	const most = int64(1<<63-1) / int64(time.Second)
	return time.Duration(min(n, most)) * time.Second
}
