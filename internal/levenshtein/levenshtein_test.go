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
		if got := RuneDistance(tt.a, tt.b, tt.limit); got != tt.want { // ASCII: runes are bytes
			t.Errorf("RuneDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// TestRuneDistance checks that RuneDistance counts a changed letter
// outside ASCII once, where Distance counts its bytes.
func TestRuneDistance(t *testing.T) {
	if got := RuneDistance("muammar", "müammar", 10); got != 1 {
		t.Errorf("RuneDistance = %d, want 1", got)
	}
	if got := Distance("muammar", "müammar", 10); got != 2 {
		t.Errorf("Distance = %d, want 2", got)
	}
}
