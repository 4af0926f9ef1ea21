package disjoint

import "testing"

func TestFind(t *testing.T) {
	parent := map[int]int{1: 2, 2: 3, 3: 3, 5: 4}
	if r := Find(parent, 1); r != 3 {
		t.Errorf("Find(1) = %d, want 3", r)
	}
	if parent[1] != 3 {
		t.Errorf("path not compressed: parent[1] = %d", parent[1])
	}
	if r := Find(parent, 7); r != 7 {
		t.Errorf("Find of a value not in the forest = %d, want itself", r)
	}
	if r := Find(parent, 5); r != 4 {
		t.Errorf("Find(5) = %d, want 4", r)
	}
}

func TestUnionMin(t *testing.T) {
	parent := map[string]string{}
	UnionMin(parent, "d", "c")
	UnionMin(parent, "b", "d")
	UnionMin(parent, "x", "y")
	UnionMin(parent, "c", "b") // already joined
	for _, x := range []string{"b", "c", "d"} {
		if r := Find(parent, x); r != "b" {
			t.Errorf("Find(%q) = %q, want the least member b", x, r)
		}
	}
	if r := Find(parent, "y"); r != "x" {
		t.Errorf("Find(y) = %q, want x", r)
	}
	if Find(parent, "b") == Find(parent, "x") {
		t.Error("b and x joined")
	}
}
