package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres/pgtest"
	"github.com/storyline-news/storyline/store/storetest"
)

// oneStory is a test assigner that puts every doc in the first story it
// knows of, stored or started: enough to test storing, resuming and
// sharing a store, and nothing about clustering.
type oneStory struct {
	mu    sync.Mutex
	story string
}

func (o *oneStory) Assign(d *news.Doc) (string, string, []string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.story == "" {
		o.story = store.StoryID(d.Key)
	}
	return o.story, "", nil
}

func (o *oneStory) Restore(_ *news.Doc, story string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.story == "" {
		o.story = story
	}
}

// withAssigner makes the commands use a oneStory assigner during t.
func withAssigner(t *testing.T) {
	old := newAssigner
	newAssigner = func() pipeline.Assigner { return &oneStory{} }
	t.Cleanup(func() { newAssigner = old })
}

// backends returns a --db value per backend: a SQLite file, and a
// PostgreSQL database in a throwaway cluster (skipped when PostgreSQL is
// not installed, unless CI is set).
func backends(*testing.T) map[string]func(t *testing.T) string {
	var (
		once    sync.Once
		cluster *pgtest.Cluster
	)
	return map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "storyline.db") },
		"postgres": func(t *testing.T) string {
			once.Do(func() { cluster = pgtest.Start(t) })
			if cluster == nil {
				t.Skip("no PostgreSQL cluster")
			}
			return cluster.NewDatabase(t)
		},
	}
}

func TestStoreCommands(t *testing.T) {
	dir := seeds(t)
	withAssigner(t)
	_, want, _ := storyline("brief", dir)
	dbs := backends(t)
	for _, name := range []string{"sqlite", "postgres"} {
		newDB := dbs[name]
		t.Run(name, func(t *testing.T) {
			db := newDB(t)
			code, out, errs := storyline("ingest", "--db", db, dir)
			if code != 0 || !strings.Contains(out, "5 new article(s) stored") || !strings.Contains(out, "1 brief(s) updated") {
				t.Fatalf("first ingest: exit %d\n%s%s", code, out, errs)
			}
			code, out, errs = storyline("ingest", "--db", db, dir, filepath.Join(dir, "001_65cdb62e06bed935.txt"))
			if code != 0 || !strings.Contains(out, "0 new article(s) stored, 6 already stored") || !strings.Contains(out, "0 brief(s) updated") {
				t.Fatalf("second ingest: exit %d\n%s%s", code, out, errs)
			}

			code, out, errs = storyline("stories", "--db", db, "--format", "json")
			var stories []store.Story
			if err := json.Unmarshal([]byte(out), &stories); code != 0 || err != nil {
				t.Fatalf("stories: exit %d, %v\n%s%s", code, err, out, errs)
			}
			if len(stories) != 1 || stories[0].Articles != 5 || stories[0].Title == "" || stories[0].First == "" || stories[0].BriefRevision != stories[0].Revision {
				t.Fatalf("stories = %+v, want one current story of 5 articles with a title and dates", stories)
			}
			id := stories[0].ID
			code, out, _ = storyline("stories", "--db", db)
			if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "ARTICLES") {
				t.Errorf("stories table:\n%s", out)
			}
			code, out, _ = storyline("stories", "--db", db, "--query", "Bagheri", "--since", "2017-01-01")
			if code != 0 || !strings.Contains(out, id) {
				t.Errorf("stories --query Bagheri:\n%s", out)
			}
			code, out, _ = storyline("stories", "--db", db, "--since", "2030-01-01")
			if code != 0 || strings.Contains(out, id) {
				t.Errorf("stories --since 2030 lists the 2017 story:\n%s", out)
			}

			// show prints the same brief as brief does for the same articles.
			code, out, errs = storyline("show", "--db", db, id)
			if code != 0 {
				t.Fatalf("show: exit %d: %s", code, errs)
			}
			if out != want {
				t.Errorf("show differs from brief of the same articles:\n--- show\n%s\n--- brief\n%s", out, want)
			}
			for format, marker := range map[string]string{"json": `"conflicts"`, "html": "<!doctype html>"} {
				if code, out, errs := storyline("show", "--db", db, "--format", format, id); code != 0 || !strings.Contains(out, marker) {
					t.Errorf("show --format %s: exit %d, no %q: %s", format, code, marker, errs)
				}
			}
			if code, _, errs := storyline("show", "--db", db, "nosuchstory"); code != 1 || !strings.Contains(errs, "nosuchstory") {
				t.Errorf("show of a missing story: exit %d, %s", code, errs)
			}

			code, out, errs = storyline("search", "--db", db, "Bagheri")
			if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "Bagheri") {
				t.Errorf("search Bagheri: exit %d\n%s%s", code, out, errs)
			}
			code, out, _ = storyline("search", "--db", db, "--format", "json", "al-Ghanmi", "Kurdistan")
			var hits []store.Hit
			if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil || len(hits) == 0 {
				t.Errorf("search --format json: exit %d, %v, %d hits", code, err, len(hits))
			}
			for _, h := range hits {
				if h.Story != id {
					t.Errorf("hit %s is in story %q, want %q", h.ID, h.Story, id)
				}
			}
			if code, out, errs := storyline("search", "--db", db, "zyzzyvaquux"); code != 0 || out != "" || !strings.Contains(errs, "no article") {
				t.Errorf("search for nothing: exit %d, %q, %q", code, out, errs)
			}
		})
	}
}

func TestStoreCommandsUsage(t *testing.T) {
	dir := t.TempDir()
	db, missing := "sqlite:"+filepath.Join(dir, "u.db"), filepath.Join(dir, "missing.txt")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"ingest", "--db", db}, 2, "no input"},
		{[]string{"stories", "--db", db, "--since", "yesterday"}, 2, "not a date"},
		{[]string{"stories", "--db", db, "--format", "xml"}, 2, "xml"},
		{[]string{"show", "--db", db}, 2, "one story"},
		{[]string{"show", "--db", db, "--format", "pdf", "x"}, 2, "pdf"},
		{[]string{"search", "--db", db}, 2, "no query"},
		{[]string{"stories", "--db", db}, 0, "STORY"},
		{[]string{"ingest", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2", "x"}, 1, "store/postgres"},
		{[]string{"help", "ingest"}, 0, "--db"},
		// Nothing readable at all fails the run, as for brief; the
		// input is still named.
		{[]string{"ingest", "--db", db, missing}, 1, "missing.txt"},
		{[]string{"ingest", "--db", db, missing}, 1, "no article could be read from 1 input(s)"},
	}
	for _, tt := range tests {
		code, out, errs := storyline(tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("storyline %q: exit %d, want %d; output lacks %q:\n%s%s", tt.args, code, tt.code, tt.want, out, errs)
		}
	}
}

// TestIngestBadInput: a bad input is reported by name and the rest goes in.
func TestIngestBadInput(t *testing.T) {
	withAssigner(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(good, []byte("TEHRAN (Wire) -- Iran's army chief met his Iraqi counterpart on Wednesday. They talked about the border.\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	code, out, errs := storyline("ingest", "--db", db, empty, good)
	if code != 0 || !strings.Contains(errs, "empty.txt") || !strings.Contains(out, "1 new article(s) stored") || !strings.Contains(out, "1 unreadable") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

// openTest opens a SQLite store for a test.
func openTest(t *testing.T, path string) store.Store {
	t.Helper()
	s, err := openStore(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// slowStory is oneStory taking slowAssign to place each doc, so that an
// ingest of a few small articles lasts long enough to be killed midway.
type slowStory struct{ oneStory }

const slowAssign = 10 * time.Millisecond

func (o *slowStory) Assign(d *news.Doc) (string, string, []string) {
	time.Sleep(slowAssign)
	return o.oneStory.Assign(d)
}

// TestIngestKilled kills an ingest process (SIGKILL) while it stores, then
// checks that every article it stored is whole, and that the next run
// stores the rest and brings every brief up to date. The child places
// each doc in slowAssign and commits every 10, so that it is killed after
// its first commits and well before its last, however fast the machine.
func TestIngestKilled(t *testing.T) {
	if db := os.Getenv("STORYLINE_TEST_INGEST_CHILD"); db != "" {
		newAssigner = func() pipeline.Assigner { return &slowStory{} }
		os.Exit(run(context.Background(), []string{"ingest", "--db", db, "--batch", "10", os.Getenv("STORYLINE_TEST_INGEST_DIR")}, os.Stdout, os.Stderr))
	}
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	const n = 150
	for i := range n {
		text := fmt.Sprintf("TEHRAN (Wire) -- Army chief number %d met his counterpart on Wednesday, officials said.\n\nThey discussed border patrol %d and the talks went on.\n", i, i*7)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("a%03d.txt", i)), []byte(text), 0o644)
	}
	db := filepath.Join(dir, "s.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKilled$")
	cmd.Env = append(os.Environ(), "STORYLINE_TEST_INGEST_CHILD="+db, "STORYLINE_TEST_INGEST_DIR="+in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	s := openTest(t, db)
	ctx := context.Background()
	stored := func() int {
		c := 0
		for range s.Docs(ctx, store.DocQuery{}) {
			c++
		}
		return c
	}
	killed := false
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-exited:
			t.Fatalf("the ingest finished (%v) before it could be killed", err)
		default:
		}
		if stored() >= 3 {
			cmd.Process.Kill()
			<-exited
			killed = true
			break
		}
	}
	if !killed {
		cmd.Process.Kill()
		t.Fatal("the ingest stored nothing in two minutes")
	}
	before := stored()
	if before >= n {
		t.Fatal("the ingest finished before it was killed")
	}
	t.Logf("killed with %d of %d articles stored", before, n)
	// The file is sound, and every stored article has its doc and story.
	q := s.(interface{ SQL() *sql.DB }).SQL()
	var check string
	if err := q.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check after kill -9: %q, %v", check, err)
	}
	var articles, docs, placed int
	q.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles").Scan(&articles)
	q.QueryRowContext(ctx, "SELECT COUNT(*) FROM docs").Scan(&docs)
	q.QueryRowContext(ctx, "SELECT COUNT(*) FROM docs WHERE story IS NOT NULL").Scan(&placed)
	if articles != docs || docs != placed || placed != before {
		t.Errorf("after kill -9: %d articles, %d docs, %d placed; want all equal", articles, docs, placed)
	}
	withAssigner(t)
	code, out, errs := storyline("ingest", "--db", db, in)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d new article(s) stored, %d already stored", n-before, before)) {
		t.Fatalf("resumed ingest: exit %d\n%s%s", code, out, errs)
	}
	st := storetest.OnlyStory(t, s)
	if st.Articles != n || st.BriefRevision != st.Revision {
		t.Errorf("after resuming: %+v", st)
	}
}

// scripted is a test assigner: every doc starts a story of its own, until
// the last, which joins the first story and merges all the others into it.
type scripted struct {
	n       int
	last    int
	stories []string
}

func (s *scripted) Assign(d *news.Doc) (string, string, []string) {
	s.n++
	if s.n < s.last {
		id := store.StoryID(d.Key)
		s.stories = append(s.stories, id)
		return id, "", nil
	}
	return s.stories[0], "", s.stories[1:]
}

func (s *scripted) Restore(*news.Doc, string) {}

// TestIngestMerge: stories the assigner merges are merged in the store;
// the merged ones are no longer listed, and show follows them.
func TestIngestMerge(t *testing.T) {
	dir := seeds(t)
	db := filepath.Join(t.TempDir(), "s.db")
	sc := &scripted{last: 5}
	old := newAssigner
	newAssigner = func() pipeline.Assigner { return sc }
	t.Cleanup(func() { newAssigner = old })
	if code, out, errs := storyline("ingest", "--db", db, dir); code != 0 || !strings.Contains(out, "5 new article(s) stored") {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	s := openTest(t, db)
	st := storetest.OnlyStory(t, s)
	if st.ID != sc.stories[0] || st.Articles != 5 || st.BriefRevision != st.Revision {
		t.Errorf("after merging: %+v", st)
	}
	code, viaMerged, errs := storyline("show", "--db", db, sc.stories[2])
	_, direct, _ := storyline("show", "--db", db, st.ID)
	if code != 0 || viaMerged != direct {
		t.Errorf("show of a merged story: exit %d, %s; differs from its target's: %v", code, errs, viaMerged != direct)
	}
}

// TestIngestTwoProcesses runs two ingest processes at once on one SQLite
// file, with overlapping inputs in opposite orders: the second waits for
// the first's write lock rather than failing or corrupting the file;
// every article is stored once, whole, and both placed their docs in one
// story, each after learning the other's.
func TestIngestTwoProcesses(t *testing.T) {
	if db := os.Getenv("STORYLINE_TEST_TWO_CHILD"); db != "" {
		newAssigner = func() pipeline.Assigner { return &oneStory{} }
		os.Exit(run(context.Background(), append([]string{"ingest", "--batch", "4", "--db", db}, strings.Fields(os.Getenv("STORYLINE_TEST_TWO_FILES"))...), os.Stdout, os.Stderr))
	}
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	const n = 60
	var files []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		text := fmt.Sprintf("TEHRAN (Wire) -- Army chief number %d met his counterpart on Wednesday, officials said.\n\nThey discussed border patrol %d.\n", i, i*7)
		os.WriteFile(p, []byte(text), 0o644)
		files = append(files, p)
	}
	// The first takes the first two thirds, the second the last two
	// thirds backwards: the middle third is given to both.
	first := files[:2*n/3]
	second := slices.Clone(files[n/3:])
	slices.Reverse(second)
	db := filepath.Join(dir, "s.db")
	var outs [2]bytes.Buffer
	var cmds []*exec.Cmd
	for i, in := range [][]string{first, second} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIngestTwoProcesses$")
		cmd.Env = append(os.Environ(), "STORYLINE_TEST_TWO_CHILD="+db, "STORYLINE_TEST_TWO_FILES="+strings.Join(in, " "))
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("process %d: %v\n%s", i, err, outs[i].String())
		}
	}
	stored := 0
	for _, o := range outs {
		var s, k int
		if _, err := fmt.Sscanf(o.String()[strings.Index(o.String(), "ingest: "):], "ingest: %d new article(s) stored, %d already stored", &s, &k); err != nil {
			t.Fatalf("no summary in %q: %v", o.String(), err)
		}
		stored += s
	}
	if stored != n {
		t.Errorf("the two processes stored %d articles in all, want %d:\n%s\n%s", stored, n, outs[0].String(), outs[1].String())
	}
	s := openTest(t, db)
	q := s.(interface{ SQL() *sql.DB }).SQL()
	var check string
	if err := q.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	var articles, docs, placed int
	q.QueryRow("SELECT COUNT(*) FROM articles").Scan(&articles)
	q.QueryRow("SELECT COUNT(*) FROM docs").Scan(&docs)
	q.QueryRow("SELECT COUNT(*) FROM docs WHERE story IS NOT NULL").Scan(&placed)
	if articles != n || docs != n || placed != n {
		t.Errorf("%d articles, %d docs, %d placed; want %d each", articles, docs, placed, n)
	}
	if st := storetest.OnlyStory(t, s); st.Articles != n || st.BriefRevision != st.Revision {
		t.Errorf("after two processes: %+v", st)
	}
}
