package feeds

import (
	"net/http"
	"testing"
	"time"
)

func TestInterval(t *testing.T) {
	now := t0
	ago := func(ds ...time.Duration) []time.Time {
		var out []time.Time
		for _, d := range ds {
			out = append(out, now.Add(-d))
		}
		return out
	}
	h := time.Hour
	for _, tc := range []struct {
		name      string
		published []time.Time
		want      time.Duration
	}{
		{"none", nil, time.Hour},
		{"one", ago(h), time.Hour},
		{"hourly", ago(0, h, 2*h, 3*h, 4*h), time.Hour},
		{"median, not mean", ago(10*time.Minute, 40*time.Minute, 70*time.Minute, 100*time.Minute, 30*h), 30 * time.Minute},
		{"even count of gaps", ago(0, h, 3*h), 90 * time.Minute},
		{"unsorted and duplicated", ago(2*h, 0, h, h, 4*h, 3*h), time.Hour},
		{"faster than the minimum", ago(0, time.Minute, 2*time.Minute, 3*time.Minute), 5 * time.Minute},
		{"weekly, clamped to a day", ago(0, 7*24*h, 14*24*h), 24 * h},
		{"gone quiet: half the silence", ago(6*h, 7*h, 8*h, 9*h), 3 * h},
		{"future times ignored", append(ago(h, 2*h, 3*h), now.Add(10*time.Minute), now.Add(20*time.Minute)), time.Hour},
		{"zero times ignored", append(ago(0, 2*h, 4*h), time.Time{}), 2 * h},
	} {
		if got := (Schedule{}).Interval(tc.published, now); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
	s := Schedule{Min: time.Minute, Max: 2 * time.Hour, Default: 10 * time.Minute}
	if got := s.Interval(nil, now); got != 10*time.Minute {
		t.Errorf("custom default: got %s", got)
	}
	if got := s.Interval(ago(0, 7*24*h), now); got != 2*time.Hour {
		t.Errorf("custom maximum: got %s", got)
	}
}

func TestBackoff(t *testing.T) {
	s := Schedule{RetryBase: time.Minute, Max: time.Hour}
	for failures, want := range []time.Duration{0, 5, 5, 5, 8, 16, 32, 60, 60} {
		if got := s.Backoff(failures); got != want*time.Minute && !(failures == 0 && got == 0) {
			t.Errorf("%d failures: got %s, want %s", failures, got, want*time.Minute)
		}
	}
	if got := (Schedule{}).Backoff(1 << 30); got != 24*time.Hour {
		t.Errorf("many failures: got %s", got)
	}
}

func TestServerHint(t *testing.T) {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	date := func(d time.Duration) string { return now.Add(d).Format(http.TimeFormat) }
	for _, tc := range []struct {
		name   string
		header map[string]string
		want   time.Duration
		ok     bool
	}{
		{"nothing", nil, 0, false},
		{"retry-after seconds", map[string]string{"Retry-After": "120"}, 2 * time.Minute, true},
		{"retry-after date", map[string]string{"Retry-After": date(time.Hour)}, time.Hour, true},
		{"retry-after date from the Date header", map[string]string{"Retry-After": date(3 * time.Hour), "Date": date(time.Hour)}, 2 * time.Hour, true},
		{"retry-after in the past", map[string]string{"Retry-After": date(-time.Hour)}, 0, true},
		{"retry-after garbage", map[string]string{"Retry-After": "soon"}, 0, false},
		{"retry-after negative", map[string]string{"Retry-After": "-5"}, 0, false},
		{"max-age", map[string]string{"Cache-Control": "public, max-age=1800"}, 30 * time.Minute, true},
		{"max-age less age", map[string]string{"Cache-Control": "max-age=1800", "Age": "600"}, 20 * time.Minute, true},
		{"max-age quoted", map[string]string{"Cache-Control": `max-age="60"`}, time.Minute, true},
		{"max-age over expires", map[string]string{"Cache-Control": "max-age=60", "Expires": date(time.Hour)}, time.Minute, true},
		{"no-cache", map[string]string{"Cache-Control": "no-cache, max-age=600"}, 0, false},
		{"no-store", map[string]string{"Cache-Control": "no-store", "Expires": date(time.Hour)}, 0, false},
		{"expires", map[string]string{"Expires": date(45 * time.Minute)}, 45 * time.Minute, true},
		{"expires from the Date header", map[string]string{"Expires": date(45 * time.Minute), "Date": date(15 * time.Minute)}, 30 * time.Minute, true},
		{"expires invalid", map[string]string{"Expires": "0"}, 0, true},
		{"retry-after and max-age: the longer", map[string]string{"Retry-After": "60", "Cache-Control": "max-age=600"}, 10 * time.Minute, true},
		{"huge max-age does not overflow", map[string]string{"Cache-Control": "max-age=99999999999999999"}, 0, true},
	} {
		h := http.Header{}
		for k, v := range tc.header {
			h.Set(k, v)
		}
		got, ok := ServerHint(h, now)
		if tc.name == "huge max-age does not overflow" {
			if got <= 0 || !ok {
				t.Errorf("%s: got %s, %v", tc.name, got, ok)
			}
			continue
		}
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: got %s, %v; want %s, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNextPollHonoursHints(t *testing.T) {
	s := Schedule{}
	hourly := []time.Time{t0.Add(-2 * time.Hour), t0.Add(-time.Hour), t0}
	for _, tc := range []struct {
		hint, want time.Duration
	}{
		{0, time.Hour},
		{10 * time.Minute, time.Hour},    // a shorter freshness does not poll sooner
		{3 * time.Hour, 3 * time.Hour},   // a longer one waits
		{72 * time.Hour, 24 * time.Hour}, // but never beyond a day
	} {
		if got := s.afterSuccess(hourly, t0, tc.hint); got != tc.want {
			t.Errorf("hint %s: got %s, want %s", tc.hint, got, tc.want)
		}
	}
	if got := s.afterFailure(1, 2*time.Hour); got != 2*time.Hour {
		t.Errorf("failure with Retry-After: got %s", got)
	}
	if got := s.afterFailure(3, 0); got != 20*time.Minute {
		t.Errorf("third failure: got %s", got)
	}
}

func TestScheduleValidate(t *testing.T) {
	if err := (Schedule{Min: time.Hour, Max: time.Minute}).Validate(); err == nil {
		t.Error("min above max accepted")
	}
	if err := (Schedule{RetryBase: -time.Second}).Validate(); err == nil {
		t.Error("negative retry base accepted")
	}
	if err := (Schedule{}).Validate(); err != nil {
		t.Error(err)
	}
}
