package postgres_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/store/postgres/pgtest"
	"github.com/storyline-news/storyline/store/storetest"
)

func TestPostgres(t *testing.T) {
	c := pgtest.Start(t)
	open := func(t *testing.T, dsn string) *postgres.Store {
		t.Helper()
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	t.Run("Suite", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T) store.Store { return open(t, c.NewDatabase(t)) })
	})
	t.Run("Migrations", func(t *testing.T) {
		ctx := context.Background()
		dsn := c.NewDatabase(t)
		// Processes starting together migrate once.
		var wg sync.WaitGroup
		stores := make([]*postgres.Store, 4)
		errs := make([]error, len(stores))
		for i := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stores[i], errs[i] = postgres.Open(ctx, dsn)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("opening %d: %v", i, err)
			}
			defer stores[i].Close()
		}
		var n int
		v, err := stores[0].SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Fatalf("SchemaVersion = %d, %v", v, err)
		}
		if err := stores[0].SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_version").Scan(&n); err != nil || n != v {
			t.Errorf("%d migrations recorded, %v; want each of the %d once", n, err, v)
		}
		if _, err := stores[0].SQL().ExecContext(ctx, "INSERT INTO schema_version (version, applied) VALUES (999, 'future')"); err != nil {
			t.Fatal(err)
		}
		if _, err := postgres.Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer") {
			t.Errorf("opening a newer schema: %v", err)
		}
	})
	t.Run("BadDSN", func(t *testing.T) {
		if _, err := postgres.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"); err == nil || !strings.HasPrefix(err.Error(), "store/postgres:") {
			t.Errorf("unreachable server: %v", err)
		}
	})
}
