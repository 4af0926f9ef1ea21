package pipeline

import (
	"time"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// clusterAssigner is the assigner ingest uses: package cluster's online
// clusterer, speaking in the store's names. Docs are known to the
// clusterer by their Key (a file name is no identity across ingests), and
// a story it starts is named store.StoryID of its first doc's Key, so
// that processes sharing a store name it alike.
type clusterAssigner struct {
	c *cluster.Clusterer
	// named maps the clusterer's name of a story it started to the
	// store's; restored stories keep the store's name in both.
	named map[string]string
	// window is the longest the clusterer keeps a story after its last doc.
	window time.Duration
}

func newClusterAssigner() Assigner {
	cfg := cluster.DefaultConfig()
	return &clusterAssigner{c: cluster.New(cfg), named: map[string]string{}, window: cfg.MaxStay()}
}

// Window is how long after its last doc a story can still gain docs at
// most: the clusterer retires it from its index by then (a story that
// has run long stays longer than a short one; cluster.Config.MaxStay).
// A pipeline restores only the stories active within it.
func (a *clusterAssigner) Window() time.Duration { return a.window }

// keyed returns a shallow copy of d known by its Key.
func keyed(d *news.Doc) *news.Doc {
	k := *d
	if k.Key != "" {
		k.ID = k.Key
	}
	return &k
}

func (a *clusterAssigner) storeName(id string) string {
	if s, ok := a.named[id]; ok {
		return s
	}
	return id
}

func (a *clusterAssigner) Assign(d *news.Doc) (string, string, []string) {
	as := a.c.Add(keyed(d))
	if as.New {
		a.named[as.Story] = store.StoryID(keyed(d).ID)
	}
	var merged []string
	for _, m := range as.Merged {
		merged = append(merged, a.storeName(m))
	}
	return a.storeName(as.Story), as.DuplicateOf, merged
}

func (a *clusterAssigner) Restore(d *news.Doc, story string) {
	a.c.Restore(keyed(d), story)
}
