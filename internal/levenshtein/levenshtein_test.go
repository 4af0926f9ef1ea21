package levenshtein

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 10, 0},
		{"kitten", "sitting", 10, 3},
		{"sitting", "kitten", 10, 3},
		{"bagheri", "baqeri", 10, 2},
		{"abc", "", 10, 3},
		{"kitten", "sitting", 2, 3},
		{"kitten", "sitting", 3, 3},
		{"abcdef", "uvwxyz", 1, 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
