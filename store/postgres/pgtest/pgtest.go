// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb
// into a temporary folder, pg_ctl start on a free local port with the
// socket in that folder, and a stop and removal when the test ends.
//
// The binaries are looked up on PATH, then in /usr/lib/postgresql/*/bin
// (Debian) and /usr/local/pgsql/bin. When they are missing the test is
// skipped with a message, unless the CI environment variable is set, when
// it fails. PostgreSQL refuses to run as root; as root, the cluster runs
// as the "postgres" user (else "nobody"), which owns the folder.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// Cluster is a running throwaway cluster.
type Cluster struct {
	// DSN connects to its "postgres" database as the superuser.
	DSN  string
	port int
	n    atomic.Int64
}

// Start starts a cluster that is stopped and removed when t ends.
func Start(t testing.TB) *Cluster {
	t.Helper()
	bin, err := binDir()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pgtest: %v (CI is set, so PostgreSQL must be installed: apt-get install postgresql-15)", err)
		}
		t.Skipf("pgtest: %v; skipping the PostgreSQL tests", err)
	}
	dir, err := os.MkdirTemp("", "storyline-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	cred, err := runAs(dir)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	data := filepath.Join(dir, "data")
	run := func(name string, args ...string) error {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "LC_ALL=C", "PGTZ=UTC")
		setCred(cmd, cred)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("pgtest: %s %v: %w\n%s", name, args, err, out)
		}
		return nil
	}
	if err := run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"); err != nil {
		t.Fatal(err)
	}
	var port int
	for attempt := 0; ; attempt++ {
		port, err = freePort()
		if err != nil {
			t.Fatal(err)
		}
		opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
		err = run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start")
		if err == nil {
			break
		}
		if attempt == 2 {
			log, _ := os.ReadFile(filepath.Join(dir, "log"))
			t.Fatalf("%v\nserver log:\n%s", err, log)
		}
	}
	t.Cleanup(func() {
		if err := run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"); err != nil {
			t.Log(err)
		}
	})
	return &Cluster{DSN: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), port: port}
}

// NewDatabase returns the DSN of a new, empty database in the cluster: a
// schema of its own in the "postgres" database, set as the search path of
// the DSN's connections, which is much faster to make than a database.
func (c *Cluster) NewDatabase(t testing.TB) string {
	t.Helper()
	db, err := sql.Open("pgx", c.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := "t" + strconv.FormatInt(c.n.Add(1), 10)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatalf("pgtest: creating schema %s: %v", name, err)
	}
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&search_path=%s", c.port, name)
}

// binDir finds the folder holding initdb and pg_ctl.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	dirs = append(dirs, "/usr/local/pgsql/bin")
	for _, d := range dirs {
		if isFile(filepath.Join(d, "initdb")) && isFile(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", fmt.Errorf("initdb and pg_ctl not found on PATH nor in /usr/lib/postgresql/*/bin")
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// account is a user to run the cluster as (nil: the current one).
type account struct{ uid, gid uint32 }

// runAs picks the user the cluster runs as and gives it dir: the current
// user, unless that is root, which PostgreSQL refuses.
func runAs(dir string) (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil {
			continue
		}
		if err := os.Chown(dir, int(uid), int(gid)); err != nil {
			return nil, fmt.Errorf("giving %s to user %s: %w", dir, name, err)
		}
		return &account{uint32(uid), uint32(gid)}, nil
	}
	return nil, fmt.Errorf("running as root, and there is neither a postgres nor a nobody user to run PostgreSQL as")
}
