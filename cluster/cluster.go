// Package cluster groups docs into stories as they arrive.
//
// A Clusterer places each new doc, in arrival order, in the story it
// belongs to or starts a new one. It compares the doc with each
// candidate story by a few similarities (FeatureNames): the cosine of
// their TF-IDF vectors over the stems of the title (counted TitleWeight
// times) and body, against the story's centroid and, as a max-link,
// against each of the story's last MaxLinks docs; the same two cosines
// over entity names (the names the doc's mentions refer to, and each
// name's last word); the cosine of the titles; the cosine of the
// numbers the body gives (tolls, counts, years); and the doc's distance
// in time from the story's span of dated docs, alone and as it fades or
// strengthens the rest. A logistic model with boosted regression trees
// on top (Model) turns them into the probability that the doc belongs
// to the story, and the doc joins the
// most probable story when that reaches Threshold. Shared people are
// evidence of one story only near in time, so an article weeks later
// about another event with the same people tends to start a story of
// its own, while one that retells the same happening in its words (a
// follow-up, a trial) still joins.
//
// # The model and its threshold
//
// The embedded model (story.model.json) is written by cluster/train:
//
//	go run ./cluster/train --threshold 0.6 --out cluster/story.model.json
//
// It replays the training sets, each doc placed in its gold story, and
// takes one example per comparison of a doc with a candidate story the
// index offers (Examples); each set's examples weigh alike, half of it
// on the same-story ones (Balance); and a logistic regression with an
// L2 penalty of 1 is fitted by Newton's method (Fit). The training sets
// are the ECB+ train topics (never the dev topics), the BASIL triplets
// and the DUC 2003 and DUC 2006 topic streams, DUC 2006 counting a
// tenth of another set (see below). On top of it, 100 regression trees
// of depth 3 are grown by gradient boosting of the same loss on the
// same weighted examples (Boost; learning rate 0.1, see "Trees" below),
// on the dated comparisons only. The threshold is judged by
// five-fold cross-validation over topics (the two ECB+ sub-events of a
// topic in one fold): with the model fitted on four folds, each set's
// whole stream is clustered at every probability from 0.20 to 0.80 and
// the fifth fold's docs are judged against all the docs of the stream
// (so that they meet as many other stories as in use); the threshold
// with the best held-out figure (B³ F1; pairwise F1 for BASIL), averaged
// over folds and over sets by their weights, wins, unless --threshold
// gives one. With the trees that curve is flat (weighted mean 0.892 to
// 0.896 from 0.35 to 0.80; best 0.45, 0.8960; 0.8952 at 0.60) while
// ECB+, whose undated comparisons the trees leave alone, loses below
// 0.60 (ECB+ train held-out 0.869 at 0.45 against 0.876 at 0.60, ECB+
// dev B³ 0.81 against 0.86): so the model keeps the threshold 0.60 that
// cross-validation chose for the logistic model alone. The stories suite of
// eval reports, beside each set's figures under the shipped model,
// five-fold figures of the same kind with the model refitted and the
// threshold rechosen on four folds of that set alone.
//
// What tuning showed (eval's TestTuneStories with STORYLINE_TUNE=1,
// figures on whole streams): the sets disagree about time. BASIL's
// stories are told within four days, and a BASIL story months later
// about the same people is another story, as issue 18 asks; DUC topics
// are themes whose articles span a median of 359 days (DUC 2003) and
// 956 days (DUC 2006). With DUC 2006 weighing as much as another set, or
// 0.3 of that, BASIL pairwise F1 stays at 0.886 whatever the threshold
// (below eval's floor of 0.92), for DUC 2006 B³ 0.77; without DUC 2006,
// BASIL reaches 0.96 but DUC 2006 B³ falls to 0.42 at the threshold
// chosen (0.55); at a tenth, before stories' pace entered near and
// Window, the model took threshold 0.55 and BASIL pairwise F1 was 0.94,
// ECB+ dev B³ 0.81, DUC 2003 B³ 0.85 and DUC 2006 B³ 0.60, against 0.94,
// 0.81, 0.73 and 0.52 with the hand-weighted score it replaced; with
// them (the shipped model, threshold 0.50, held-out weighted mean 0.860
// against 0.850) 0.94, 0.82, 0.85 and 0.65.
//
// Held-out figures decide between mechanisms: eval's
// TestTuneStoriesUnion (STORYLINE_TUNE=1) runs cluster/train's
// five-fold recipe over all the training sets at once and prints each
// set's held-out figure per threshold. By it, letting near fade over
// NearDays plus the story's span (instead of NearDays alone) raised
// BASIL's held-out pairwise F1 from 0.82 to 0.89 at threshold 0.50 and
// the mean of the four sets from 0.806 to 0.818; putting Window off by
// the story's span raised DUC 2003 and DUC 2006 by 1 to 2 points at
// every threshold and changed nothing on BASIL and ECB+. Two pairs of
// features were tried and left out, each lowering the held-out mean:
// how much closer the doc is to the story than to the next candidate,
// by text_centroid and text_maxlink (best mean 0.805 to 0.766: the
// model leans on a margin that gold replay makes cleaner than use
// does); and the share of the doc's three heaviest entity names that
// the story lacks, and of the story's that the doc lacks (ECB+ train +1
// point, BASIL -3 to -8, DUC 2006 -1.5). A window of 730 days for every
// story gained 1 to 4 points on DUC but cost BASIL up to 13 at low
// thresholds.
//
// Entity similarities enter only faded by time (near), since the same
// people weeks apart are no evidence of one story; the
// far, text_far and far_wide features let a doc months away join a
// story that shares much of its text or has already run for months.
//
// Most errors on the ECB+ dev topics are not topics merged (none is)
// but the two sub-events of a topic merged: another happening of the
// same kind (the next Oscars host, another pirate attack foiled by the
// same navy, years apart), told in the same words, with other people
// and other numbers. The nums feature (cosine of the numbers of the
// body, years among them) raised the held-out weighted mean of
// cluster/train from 0.860 to 0.874 (ECB+ train 0.873 to 0.876, BASIL
// 0.886 to 0.913, DUC 2003 0.849 to 0.862, at the thresholds chosen,
// 0.50 and 0.60) and ECB+ dev B³ from 0.817 to 0.857. Features for the
// entities the doc names and the story lacks did not carry over: the
// share of the doc's entity weight on names new to the story, and
// whether the person the doc names most is new to it (the next Oscars
// host), each raised ECB+ train and dev by about a point but cost BASIL
// 5 points of held-out pairwise F1 (its outlets put other people
// first), and were left out. Also tried with eval's
// TestTuneStoriesUnion and left out, each within half a point of the
// held-out weighted mean and lowering ECB+ dev: the cosine of person
// names alone, faded by near; the greatest number cosine with one
// member (a max-link over numbers); the story's cohesion (the mean
// cosine of its members with its centroid, cnorm over counted docs: an
// adaptive bar), which cost ECB+ train 2 points; and adding to the
// examples the comparisons a first model meets when it places the
// streams itself (mistakes included), which cost BASIL 9 points. Indicators of a missing date or
// title are learned from whole sets (ECB+ has neither, DUC 2003 no
// titles), so undated means neither side dated: a lone undated doc or
// story is compared as if inside the span.
//
// Where the logistic model alone fell short, and what did not mend it
// before the trees did in part (see Trees below; the held-out figures
// of TestTuneStoriesUnion, model fitted on four folds of all four sets,
// threshold 0.60; eval's five-fold rows instead fit a model to one set
// alone, which is why they ran ahead of the logistic model on DUC 2006,
// 0.81 against 0.59 held-out and 0.58 on the whole stream). DUC 2006 is split, not merged: B³ precision 0.97, recall
// 0.42, 512 stories for 50 topics. Replayed with each doc in its gold
// story (eval's TestDiagStoriesGap), a third of DUC 2006's same-story
// comparisons miss the threshold, most of them with the doc weeks or
// months off the story's span, while other-story comparisons that far
// off pass in every set less than once in 200: its topics are themes
// told over years, in the same words (mean text_centroid 0.30 against
// 0.06 for BASIL's stories months apart). Counting DUC 2006 at 0.3
// instead of 0.1 raises it by 3 to 9 points held-out but costs BASIL
// up to 9 (8.6 at 0.60): the model's bias rises and BASIL's related
// stories of the same days merge (one state's law, then the next
// state's; a primary lost, then the race for the lost seat). Left out,
// each at most 0.3 point above the held-out mean of the four sets
// (0.812 at 0.60, 0.818 at its best threshold) and most below it, with
// DUC 2006 at 0.1 (and at 0.3 where named): the cosine of the years the
// body names; text_centroid times far_wide together with text_centroid
// times log_size (a bar that moves with the story's size); the title
// max-link together with the unfaded entity cosine times far_wide; the
// unfaded entity cosine times far together with text_maxlink times far
// (also at 0.3); an L2 penalty of 0.1 or 10; and merging the stories a
// doc reaches above 0.6 to 0.9 (MergeThreshold), which raised DUC 2006
// B³ by 2 points at most and cost ECB+ dev 1.6 to 4 and every other set
// some. On the ECB+ dev topics (no dates) no topics merge;
// four topics' two sub-events do (the next navy raid, the next player
// arrested, a coach fired and one hired), told with other people and
// other numbers in the same words.
//
// # Trees
//
// The logistic model is linear: one weight per feature and one
// intercept tie comparisons near in time to comparisons far off, so the
// bar a DUC 2006 theme needs (far-off members sharing much text) and
// the bar BASIL's neighbouring stories need (near in time, sharing
// wording, other stories) cannot both be met. Boosted trees weigh a
// feature by the value of others (text by time off the span, by the
// story's size). Held out (TestTuneStoriesUnion, DUC 2006 at 0.1, the
// model of four folds of all sets; figures train / BASIL / DUC 2003 /
// DUC 2006 / mean at threshold 0.60), the logistic model alone gives
// 0.884 / 0.910 / 0.864 / 0.590 / 0.812; with 100 trees of depth 3 on
// the dated comparisons 0.884 / 0.946 / 0.876 / 0.778 / 0.871 (at 0.50
// 0.875, at 0.70 0.865), ECB+ dev unchanged at 0.857. Trees that also
// split the undated comparisons (nearly all of them ECB+'s) learn ECB+'s
// gold replay too closely: with them ECB+ train fell to 0.85–0.88
// held-out at every threshold (0.884 without trees at 0.60) and ECB+
// dev to 0.78–0.83 from 0.40 to 0.60, whether the trees split by
// undated first or not, and in place of the logistic model (150 trees
// from nothing) likewise; hence Without "undated",
// which leaves those comparisons to the logistic model. 50 trees of
// depth 2 reached a mean of 0.854, 200 of depth 3 0.871 (0.876 at
// 0.50): 100 of depth 3 it is. On the whole streams (eval stories,
// logistic model alone → with the trees): BASIL pairwise F1 0.961 →
// 0.988, DUC 2003 B³ 0.865 → 0.905, DUC 2006 B³ 0.585 → 0.783, ECB+
// dev B³ 0.857 unchanged. DUC 2006 still splits most: its themes run
// for years.
//
// With the trees, features meant to tell two sub-events of one topic
// apart (ECB+'s merges) were tried again and left out, none moving the
// held-out mean of TestTuneStoriesUnion out of its noise (shipped
// features, thresholds 0.40 / 0.50 / 0.60 / 0.70: mean 0.873 / 0.875 /
// 0.871 / 0.865, ECB+ train 0.874 / 0.885 / 0.884 / 0.881): the share
// of the doc's entity weight on names the story lacks, with the share
// of its number weight on numbers the story lacks (mean 0.871 / 0.863
// / 0.869 / 0.868; BASIL up to +2.4 points, DUC 2006 −1 to −2, ECB+
// train −1.4 to −0.2), the two faded by near (0.871 / 0.874 / 0.866 /
// 0.872), the names alone faded by near (0.869 / 0.872 / 0.873 /
// 0.869); and a year gap, the years between the year the doc names
// most and the span of those its story's members name most, with an
// indicator of none (0.871 / 0.869 / 0.869 / 0.867; weight −0.15), and
// with the names faded by near (0.870 / 0.868 / 0.868 / 0.871). ECB+
// dev B³ moved by at most 0.4 point with any of them. Nor did counting
// DUC 2006 for more, with the trees: at 0.3 of another set the mean was
// 0.870 / 0.875 / 0.868 / 0.869 (BASIL 0.921 to 0.940), at 1 0.850 /
// 0.858 / 0.871 / 0.871 (BASIL 0.854 to 0.921; DUC 2006 0.784 to 0.799
// against 0.761 to 0.798 at a tenth).
//
// # Where the errors are
//
// Replayed through Add's own steps with the shipped model (eval's cache
// and cluster's TestDiagDecisions, STORYLINE_TUNE=1), each placed doc's
// decision sorts as: the first doc of its gold story starting a story
// or joining one (a merge); a later doc joining its home (the story
// holding most of its gold story's earlier docs), another fragment of
// its own story, another gold story's, or starting a story (a split)
// because its home was retired, was not a candidate, or scored below
// the threshold. DUC 2006 (B³ precision 0.889, recall 0.699, 3.8
// stories a topic) splits: 149 splits (99 below the threshold, 28 home
// not a candidate, 22 home retired) against 30 merges (8 first docs,
// 22 wrong joins) of 1250 docs. The docs below the threshold are far
// from their home in words (median text_centroid 0.12, text_maxlink
// 0.11) and in time (64 of 99 are 32 to 660 days off its span); the
// retired homes are small stories (1 to 6 docs) left 380 to 1030 days
// before: themes, in the words different stories. DUC 2003
// (0.927 / 0.885) has 24 splits (15, 1, 8) and 12 merges; ECB+ dev
// (0.818 / 0.901) and train merge: the first doc of a topic's second
// sub-event joins the first with probability 0.7 to 0.99 (3 dev, 7
// train), and its later docs follow it. BASIL has one error each way.
//
// Story-level passes do not separate a theme's fragments from other
// stories: merging, at the end of the stream with hindsight, every two
// stories whose centroid cosine reaches 0.4 (entity cosine 0.3 or not)
// gives DUC 2006 B³ 0.806 (0.783 unmerged) but BASIL 0.971 (0.993),
// ECB+ train 0.866 (0.884) and dev 0.829 (0.857); at 0.5 DUC 2006 gains
// 1.3 points, DUC 2003 0.7, and ECB+ train loses 0.6; at 0.2 or 0.3
// ECB+ and BASIL lose 2.6 to 18 points. Of DUC 2006's 663 pairs of
// fragments of one topic, 57 reach centroid cosine 0.2, against 23
// pairs of different topics. Held out (TestTuneStoriesUnion, thresholds 0.40 / 0.50 /
// 0.60 / 0.70, shipped recipe 0.873 / 0.875 / 0.871 / 0.865), these
// did not help: merging the stories a doc reaches besides the one it
// joins (MergeThreshold 0.7: 0.830 / 0.826 / 0.830 / 0.828; 0.85:
// 0.854 / 0.849 / 0.850 / 0.848; DUC 2003 and 2006 lose most, a wrong
// merge's centroid drawing more); text_maxlink as the mean of the
// three best member cosines (0.877 / 0.875 / 0.874 / 0.865, and on
// three other partitions of the topics 0.2 to 0.7 point below the
// shipped recipe at 0.60); text_centroid so (0.867 / 0.866 / 0.865 /
// 0.864, DUC 2006 -3); the stems of entity mentions counted twice in
// the text vector (0.862 / 0.861 / 0.860 / 0.851, DUC 2006 -4, ECB+
// dev -2.5); 40 query terms and 40 candidates (0.865 / 0.866 / 0.862 /
// 0.864); 10 candidates (0.877 / 0.875 / 0.871 / 0.866, ECB+ dev
// -0.3 at 0.60: cheaper, no better); DocTerms 120 (0.870 / 0.872 / 0.869 / 0.870). A Window of
// 730 days raised the mean at 0.60 on each of four partitions of the
// topics (STORYLINE_TUNE_FOLD_SALT unset, a, b, c: 0.871 → 0.875,
// 0.870 → 0.875, 0.869 → 0.874, 0.868 → 0.872; DUC 2003 +0.3 to +2.5,
// DUC 2006 +0.2 to +1.9) but cost BASIL up to 1.9 points there and 9
// to 13 at 0.40 on two partitions, and ECB+ dev 0.3, and doubles
// MaxStay: left out. A logistic model of its own for the comparisons
// where neither side is dated (fitted on those alone: ECB+'s), the
// rest unchanged, moved ECB+ train held-out to 0.890 / 0.884 / 0.889 /
// 0.872 (0.874 / 0.885 / 0.884 / 0.881) but ECB+ dev B³ to 0.823 /
// 0.833 / 0.831 / 0.794 (0.780 / 0.835 / 0.857 / 0.832): like the
// trees on those comparisons, it learns ECB+'s gold replay too closely.
// A centroid whose members fade with age (by exp(-days/60) as each
// later dated doc joins) lowered the mean to 0.862 / 0.865 / 0.866 /
// 0.866 (DUC 2006 -2.6 at 0.60).
//
// ECB+'s merges happen while the other sub-event's story is one or two
// docs: the stream interleaves its topics (the first 35ecb doc, ninth
// of the dev stream, joins the lone 35ecbplus doc at 0.991; another
// player arrested for drunk driving, on another road), so a cue must
// tell two single docs apart. Tried with TestTuneStoriesUnion and left
// out, on the shipped recipe (DUC 2006 at 0.1; thresholds 0.40 / 0.50
// / 0.60 / 0.70: ECB+ train held-out 0.874 / 0.885 / 0.884 / 0.881,
// ECB+ dev B³ 0.780 / 0.835 / 0.857 / 0.832), each feature counted on
// undated comparisons alone so that BASIL and DUC kept their own (they
// moved within 0.8 point): the share of the doc's entity weight on
// names the story lacks with the share of its number weight on numbers
// it lacks (weights -1.05 and -1.83; train 0.885 / 0.885 / 0.881 /
// 0.876, dev 0.815 / 0.840 / 0.848 / 0.829), the two times
// text_centroid (0.878 / 0.883 / 0.882 / 0.875, dev 0.780 / 0.832 /
// 0.857 / 0.827); the share of the doc's person mentions whose surname
// the story lacks with whether its most named person is new to it
// (0.869 / 0.872 / 0.872 / 0.867, dev 0.808 / 0.834 / 0.850 / 0.810),
// the two times text_centroid (0.873 / 0.880 / 0.886 / 0.882, dev
// 0.809 / 0.832 / 0.853 / 0.822). Replayed with gold, the person share
// does tell ECB+'s sub-events apart where the text alone cannot
// (text_centroid 0.4 to 0.6: 0.16 for the doc's own story, 0.53 for
// another), but the fitted weights stay near -1 against log-odds of 3
// to 5 at the merges. Nor did adding to ECB+ train's examples the
// comparisons a first model meets when it places that stream itself,
// each labelled by the gold story holding most of the candidate's
// members (its own early merges included), at the set's weight (train
// 0.869 / 0.871 / 0.877 / 0.877, dev 0.805 / 0.798 / 0.807 / 0.832) or
// half of it (0.867 / 0.875 / 0.881 / 0.877, dev 0.798 / 0.797 / 0.835
// / 0.854; BASIL held-out 0.952 to 0.974 against 0.940 to 0.948).
//
// A tree adds at most four comparisons per
// candidate story, a bounded cost per doc that does not grow with the
// stories stored: scoring a comparison took 0.75 µs against 0.05 µs
// for the logistic part alone (BenchmarkProb, BenchmarkProbLogistic),
// for at most MaxCandidates stories a doc, and placing a doc after 10k
// docs 0.29–0.31 ms against 0.31–0.33 ms, after 100k 0.30 ms against
// 0.31 ms (BenchmarkPlace10k and BenchmarkPlace100k against their
// Logistic twins, in the same runs, on a busy 2-core machine).
//
// Near-duplicates (syndicated wire copy, reprints, updated versions) are
// found first, by MinHash signatures over word shingles and an LSH index:
// a doc whose estimated shingle Jaccard similarity with an earlier doc
// reaches DuplicateThreshold joins that doc's story, is linked to it
// (Assignment.DuplicateOf), and is counted once: it does not move the
// story's centroid.
//
// The cost of placing a doc does not grow with the number of stories:
// candidates come from an inverted index over the top terms of the
// centroids of active stories, each posting list bounded, and a story
// whose last doc is more than Window, plus the time the story has
// already run, older than the newest doc seen is retired from the index
// (a story none of whose docs is dated is never retired). A story that
// has run for a year stays a year longer: such stories are few, and
// on the DUC streams, whose topics run for years, keeping them raised
// held-out B³ by 1 to 2 points at every threshold (DUC 2003 and 2006)
// and changed nothing on BASIL or ECB+. The vocabulary, the document frequencies and a few bytes per
// placed doc grow with the corpus; the index does not.
//
// Story IDs are the ID of the doc that started the story (with "#2",
// "#3"... when taken); a doc is named by its Doc.ID.
//
// A Clusterer is safe for concurrent use: Add and Restore are serialised,
// and its decisions depend only on the order of calls, never on map
// iteration order.
package cluster

import (
	"cmp"
	"container/heap"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

const (
	minhashBands = 16
	minhashRows  = 4
)

// Config holds the clusterer's thresholds and sizes. The zero value of a
// field means its default (DefaultConfig); Validate reports unusable
// values.
//
// Threshold and Model are described in the package doc. The feature
// settings were chosen earlier by grid search with a hand-weighted
// score (eval's tuning test) on development data only, the ECB+ train
// topics, BASIL and the DUC streams, and kept for the model:
//
//   - DocTerms 60 (a doc's 60 heaviest terms) raised ECB+ train B³ from
//     0.81 to 0.83 and BASIL from 0.85 to 0.93 at equal threshold.
//   - Keeping numbers among the terms raised ECB+ train B³ from 0.833
//     to 0.856.
//   - PersonWeight 3, LeadWeight 2 and merging stories (MergeThreshold
//     0.25–0.3) did not help and are off.
type Config struct {
	// Model is the same-story scorer; nil takes DefaultModel.
	Model *Model
	// Threshold is the least probability, by Model, for a doc to join
	// a story; 0 takes the model's own Threshold.
	Threshold float64
	// TitleWeight is how many times the title's stems count;
	// LeadWeight how many times the stems of the first LeadSentences
	// sentences count; DocTerms, when positive, keeps only a doc's
	// DocTerms heaviest terms.
	LeadWeight, LeadSentences, DocTerms int
	// PersonWeight how many times a person's name counts among the
	// entity names (a place or an organisation counts once).
	TitleWeight, PersonWeight int
	// MaxLinks is how many of a story's last counted docs it keeps for
	// the max-link features.
	MaxLinks int
	// MergeThreshold is the least probability a doc must have with a
	// second story, besides the one it joins, for the two stories to be
	// merged: the doc bridges two halves of one story that began apart.
	// 0 takes the default; above 1, stories never merge.
	MergeThreshold float64
	// Window is how long a story stays in the index after its last doc,
	// measured against the newest doc date seen, put off by the time
	// the story has run (its span of dated docs).
	Window time.Duration
	// DuplicateThreshold is the least estimated Jaccard similarity of
	// word shingles for a doc to be a near-duplicate of an earlier one;
	// ShingleWords is the shingle length in words.
	DuplicateThreshold float64
	ShingleWords       int
	// CentroidTerms bounds a story centroid's terms; IndexTerms is how
	// many of them are indexed; QueryTerms how many of a doc's terms are
	// looked up; MaxCandidates how many stories are scored in full;
	// MaxPostings bounds each term's posting list (most recent stories
	// kept).
	CentroidTerms, IndexTerms, QueryTerms, MaxCandidates, MaxPostings int
}

// DefaultConfig returns the tuned defaults.
func DefaultConfig() Config {
	m := DefaultModel()
	return Config{
		Model:              &m,
		Threshold:          m.Threshold,
		TitleWeight:        2,
		PersonWeight:       1,
		LeadWeight:         1,
		LeadSentences:      5,
		DocTerms:           60,
		MaxLinks:           32,
		MergeThreshold:     2,
		Window:             365 * 24 * time.Hour,
		DuplicateThreshold: 0.6,
		ShingleWords:       4,
		CentroidTerms:      300,
		IndexTerms:         40,
		QueryTerms:         20,
		MaxCandidates:      20,
		MaxPostings:        256,
	}
}

// ErrConfig is returned by Validate for a configuration that cannot be
// used.
var ErrConfig = errors.New("cluster: bad config")

// withDefaults fills zero fields from DefaultConfig.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Model == nil {
		c.Model = d.Model
	}
	c.Threshold = cmp.Or(c.Threshold, c.Model.Threshold)
	c.MaxLinks = cmp.Or(c.MaxLinks, d.MaxLinks)
	c.TitleWeight = cmp.Or(c.TitleWeight, d.TitleWeight)
	c.LeadWeight = cmp.Or(c.LeadWeight, d.LeadWeight)
	c.LeadSentences = cmp.Or(c.LeadSentences, d.LeadSentences)
	c.PersonWeight = cmp.Or(c.PersonWeight, d.PersonWeight)
	c.MergeThreshold = cmp.Or(c.MergeThreshold, d.MergeThreshold)
	c.Window = cmp.Or(c.Window, d.Window)
	c.DuplicateThreshold = cmp.Or(c.DuplicateThreshold, d.DuplicateThreshold)
	c.ShingleWords = cmp.Or(c.ShingleWords, d.ShingleWords)
	c.CentroidTerms = cmp.Or(c.CentroidTerms, d.CentroidTerms)
	c.IndexTerms = cmp.Or(c.IndexTerms, d.IndexTerms)
	c.QueryTerms = cmp.Or(c.QueryTerms, d.QueryTerms)
	c.MaxCandidates = cmp.Or(c.MaxCandidates, d.MaxCandidates)
	c.MaxPostings = cmp.Or(c.MaxPostings, d.MaxPostings)
	return c
}

// Validate reports whether the configuration (zero fields taking their
// defaults) can be used.
func (c Config) Validate() error {
	if c.Model != nil {
		if err := c.Model.check(); err != nil {
			return err
		}
	}
	c = c.withDefaults()
	switch {
	case c.Threshold < 0 || c.Threshold > 1:
		return fmt.Errorf("%w: threshold %g outside 0..1", ErrConfig, c.Threshold)
	case c.DuplicateThreshold < 0 || c.DuplicateThreshold > 1:
		return fmt.Errorf("%w: duplicate threshold %g outside 0..1", ErrConfig, c.DuplicateThreshold)
	case c.TitleWeight < 0 || c.ShingleWords < 0 || c.Window < 0 || c.MaxLinks < 0:
		return fmt.Errorf("%w: negative weight, length or duration", ErrConfig)
	case c.CentroidTerms < 0 || c.IndexTerms < 0 || c.QueryTerms < 0 || c.MaxCandidates < 0 || c.MaxPostings < 0:
		return fmt.Errorf("%w: negative size", ErrConfig)
	}
	return nil
}

// Assignment is where a doc was placed.
type Assignment struct {
	// Story is the ID of the story the doc joined or started.
	Story string
	// New reports that the doc started the story.
	New bool
	// DuplicateOf is the ID of the earlier doc this one copies, or "".
	DuplicateOf string
	// Merged are the stories the doc showed to be part of Story: they
	// are merged into it, and their docs now belong to Story.
	Merged []string
	// Score is the doc's score with the story it joined (for a
	// duplicate, the estimated Jaccard similarity; for a new story, the
	// best score it failed to reach the threshold with).
	Score float64
}

// story is one story's state.
type story struct {
	id          string
	centroid    textvec.Vector // sum of member tf-idf vectors, truncated
	cnorm       float64
	ents        textvec.Vector
	enorm       float64
	titles      textvec.Vector // sum of member title vectors, truncated
	tnorm       float64
	nums        textvec.Vector // sum of member number vectors, truncated
	nnorm       float64
	links       []link    // last MaxLinks counted members
	counted     int       // counted members
	first, last time.Time // span of dated docs
	docs        int       // members, duplicates included
	indexed     []uint32  // terms under which the story is indexed
	active      bool
	members     []int32 // docs whose signatures are in the LSH
	into        int32   // the story this one was merged into, or -1
}

// doc is what is kept of a placed doc.
type doc struct {
	id       string
	story    int32
	original int32 // the doc it duplicates, or -1
	sig      textvec.Signature
}

// Clusterer places docs into stories online. Create it with New.
type Clusterer struct {
	mu      sync.Mutex
	cfg     Config
	x       *extractor
	dfText  textvec.DF
	dfEnt   textvec.DF
	stories []*story
	byID    map[string]int32
	docs    []doc
	lsh     *textvec.LSH
	post    map[uint32][]int32
	clock   time.Time
	// leap is the date of a doc that would have moved the clock more
	// than maxLeap at once, held until a second doc confirms it.
	leap   time.Time
	expiry expiryHeap
	// scratch
	acc    map[int32]float64
	seen   []int32
	scored []scored
	xs     [][nFeatures]float64
	// dense holds a doc's text and entity weights by term id while it
	// is compared (see scatter), else zeros.
	dense []float64
}

// scored is a candidate story with its score.
type scored struct {
	story int32
	score float64
}

// New returns an empty clusterer. Zero fields of cfg take their defaults;
// an invalid cfg is replaced by... nothing: New panics on it, so check
// with Validate first when cfg comes from a user.
func New(cfg Config) *Clusterer {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	return &Clusterer{
		cfg:  cfg.withDefaults(),
		x:    newExtractor(),
		byID: map[string]int32{},
		lsh:  textvec.NewLSH(minhashBands, minhashRows),
		post: map[uint32][]int32{},
		acc:  map[int32]float64{},
	}
}

// Stories returns the number of stories seen, active or retired.
func (c *Clusterer) Stories() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.stories)
}

// Add places d, which must not be changed meanwhile, and returns where
// it went. d itself is not modified.
func (c *Clusterer) Add(d *news.Doc) Assignment {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.x.extract(d, &c.cfg)
	c.advance(f.date)
	v := c.weigh(f)

	// near-duplicates first
	if orig, sim := c.duplicate(f.sig); orig >= 0 {
		o := &c.docs[orig]
		for o.original >= 0 {
			o = &c.docs[o.original]
		}
		si := c.find(c.docs[orig].story)
		c.join(si, d.ID, f, v, int32(orig), false)
		return Assignment{Story: c.stories[si].id, DuplicateOf: o.id, Score: sim}
	}

	best, score := c.best(f, v)
	if best >= 0 && score >= c.cfg.Threshold {
		var merged []string
		for _, o := range c.scored {
			if o.story != best && o.score >= c.cfg.MergeThreshold {
				merged = append(merged, c.stories[o.story].id)
				c.merge(best, o.story)
			}
		}
		c.join(best, d.ID, f, v, -1, true)
		return Assignment{Story: c.stories[best].id, Score: score, Merged: merged}
	}
	id := c.newStoryID(d.ID)
	si := c.newStory(id)
	c.join(si, d.ID, f, v, -1, true)
	return Assignment{Story: id, New: true, Score: math.Max(score, 0)}
}

// Restore puts a stored doc back in the story it was assigned to, to
// rebuild a clusterer's state from a store. Docs should be restored in
// their original arrival order.
func (c *Clusterer) Restore(d *news.Doc, storyID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.x.extract(d, &c.cfg)
	c.advance(f.date)
	v := c.weigh(f)
	si, ok := c.byID[storyID]
	if !ok {
		si = c.newStory(storyID)
	}
	si = c.find(si)
	orig, _ := c.duplicate(f.sig)
	c.join(si, d.ID, f, v, int32(orig), orig < 0)
}

// Observe counts docs in the document frequencies without placing them:
// a background for Similarity, or a warm start.
func (c *Clusterer) Observe(docs ...*news.Doc) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, d := range docs {
		f := c.x.extract(d, &c.cfg)
		c.dfText.Add(f.text)
		c.dfEnt.Add(f.ents)
	}
}

// Similarity returns the same-story probability of doc a against a
// story made of doc b alone, weighted by the document frequencies seen
// so far. It changes nothing.
func (c *Clusterer) Similarity(a, b *news.Doc) float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	fa := c.x.extract(a, &c.cfg)
	fb := c.x.extract(b, &c.cfg)
	va := c.tfidf(fa)
	s := &story{first: fb.date, last: fb.date}
	c.add(s, c.tfidf(fb))
	x := c.compare(s, fa, va)
	return c.cfg.Model.prob(&x)
}

func (c *Clusterer) newStoryID(docID string) string {
	id := docID
	if id == "" {
		id = "story-" + strconv.Itoa(len(c.stories)+1)
	}
	for n := 2; ; n++ {
		if _, taken := c.byID[id]; !taken {
			return id
		}
		id = docID + "#" + strconv.Itoa(n)
		if docID == "" {
			id = "story-" + strconv.Itoa(len(c.stories)+n)
		}
	}
}

func (c *Clusterer) newStory(id string) int32 {
	si := int32(len(c.stories))
	c.stories = append(c.stories, &story{id: id, active: true, into: -1})
	c.byID[id] = si
	return si
}

// vecs are a doc's tf-idf vectors, each of unit length (or empty).
type vecs struct {
	text, ents, title, nums textvec.Vector
}

// weigh counts f in the document frequencies and returns its tf-idf
// vectors.
func (c *Clusterer) weigh(f features) vecs {
	c.dfText.Add(f.text)
	c.dfEnt.Add(f.ents)
	return c.tfidf(f)
}

// tfidf returns f's tf-idf vectors by the document frequencies so far.
func (c *Clusterer) tfidf(f features) vecs {
	var v vecs
	v.text = c.dfText.TFIDF(f.text)
	if c.cfg.DocTerms > 0 && len(v.text) > c.cfg.DocTerms {
		v.text = v.text.Top(c.cfg.DocTerms).Normalize()
	}
	if len(f.title) > 0 {
		v.title = c.dfText.TFIDF(f.title)
	}
	if len(f.nums) > 0 {
		v.nums = c.dfText.TFIDF(f.nums)
	}
	v.ents = c.dfEnt.TFIDF(f.ents)
	return v
}

// duplicate returns the earliest indexed doc whose signature is similar
// enough to sig, with the similarity, or -1.
func (c *Clusterer) duplicate(sig textvec.Signature) (int, float64) {
	for _, id := range c.lsh.Query(sig) {
		if s := textvec.Similarity(sig, c.docs[id].sig); s >= c.cfg.DuplicateThreshold {
			return int(id), s
		}
	}
	return -1, 0
}

// candidates returns the active stories that share the most weight of
// vt's top terms in the inverted index, at most MaxCandidates of them,
// heaviest first. The slice is reused by the next call.
func (c *Clusterer) candidates(vt textvec.Vector) []int32 {
	q := vt.Top(c.cfg.QueryTerms)
	clear(c.acc)
	c.seen = c.seen[:0]
	for _, e := range q {
		for _, si := range c.post[e.ID] {
			if !c.stories[si].active {
				continue
			}
			if _, ok := c.acc[si]; !ok {
				c.seen = append(c.seen, si)
			}
			c.acc[si] += e.W
		}
	}
	cands := c.seen
	slices.SortFunc(cands, func(a, b int32) int {
		switch wa, wb := c.acc[a], c.acc[b]; {
		case wa > wb:
			return -1
		case wa < wb:
			return 1
		}
		return int(a - b)
	})
	if len(cands) > c.cfg.MaxCandidates {
		cands = cands[:c.cfg.MaxCandidates]
	}
	return cands
}

// best returns the best-scoring candidate story and its score, or -1.
func (c *Clusterer) best(f features, v vecs) (int32, float64) {
	best, bestScore := int32(-1), -1.0
	c.scored = c.scored[:0]
	cands := c.candidates(v.text)
	xs := c.compareAll(cands, f, v)
	for i, si := range cands {
		sc := c.cfg.Model.prob(&xs[i])
		c.scored = append(c.scored, scored{si, sc})
		if sc > bestScore || sc == bestScore && si < best {
			best, bestScore = si, sc
		}
	}
	return best, bestScore
}

// join adds a doc to story si: a counted doc moves the centroid and
// re-indexes the story.
func (c *Clusterer) join(si int32, id string, f features, v vecs, original int32, counted bool) {
	s := c.stories[si]
	di := int32(len(c.docs))
	c.docs = append(c.docs, doc{id: id, story: si, original: original, sig: f.sig})
	c.lsh.Add(di, f.sig)
	s.members = append(s.members, di)
	s.docs++
	if !f.date.IsZero() {
		grew := false
		if s.first.IsZero() || f.date.Before(s.first) {
			s.first, grew = f.date, true
		}
		if s.last.IsZero() || f.date.After(s.last) {
			s.last, grew = f.date, true
		}
		if grew {
			heap.Push(&c.expiry, expiryItem{s.until(c.cfg.Window), si})
		}
	}
	if !s.active {
		c.activate(si)
	}
	if !counted {
		return
	}
	c.add(s, v)
	c.reindex(si)
}

// add counts a doc's vectors in a story's centroids and links.
func (c *Clusterer) add(s *story, v vecs) {
	s.counted++
	s.centroid = c.sum(s.centroid, v.text)
	s.cnorm = s.centroid.Norm()
	s.ents = c.sum(s.ents, v.ents)
	s.enorm = s.ents.Norm()
	s.titles = c.sum(s.titles, v.title)
	s.tnorm = s.titles.Norm()
	s.nums = c.sum(s.nums, v.nums)
	s.nnorm = s.nums.Norm()
	s.links = append(s.links, link{text: v.text, ents: v.ents})
	if n := len(s.links) - max(c.cfg.MaxLinks, 1); n > 0 {
		s.links = slices.Delete(s.links, 0, n)
	}
}

// sum adds b to centroid a, keeping its CentroidTerms heaviest terms.
func (c *Clusterer) sum(a, b textvec.Vector) textvec.Vector {
	if len(b) == 0 {
		return a
	}
	a = textvec.AddScaled(a, 1, b)
	if len(a) > c.cfg.CentroidTerms {
		a = a.Top(c.cfg.CentroidTerms)
	}
	return a
}

// find returns the story si was merged into, if any, else si.
func (c *Clusterer) find(si int32) int32 {
	for c.stories[si].into >= 0 {
		si = c.stories[si].into
	}
	return si
}

// merge moves story o into story si: its centroid, span and docs.
func (c *Clusterer) merge(si, o int32) {
	s, t := c.stories[si], c.stories[o]
	s.centroid = c.sum(s.centroid, t.centroid)
	s.cnorm = s.centroid.Norm()
	s.ents = c.sum(s.ents, t.ents)
	s.enorm = s.ents.Norm()
	s.titles = c.sum(s.titles, t.titles)
	s.tnorm = s.titles.Norm()
	s.nums = c.sum(s.nums, t.nums)
	s.nnorm = s.nums.Norm()
	s.counted += t.counted
	s.links = append(s.links, t.links...)
	if n := len(s.links) - max(c.cfg.MaxLinks, 1); n > 0 {
		s.links = slices.Delete(s.links, 0, n)
	}
	if !t.first.IsZero() && (s.first.IsZero() || t.first.Before(s.first)) {
		s.first = t.first
	}
	if t.last.After(s.last) {
		s.last = t.last
	}
	if !t.last.IsZero() {
		heap.Push(&c.expiry, expiryItem{s.until(c.cfg.Window), si})
	}
	s.docs += t.docs
	s.members = append(s.members, t.members...)
	for _, tm := range t.indexed {
		c.unpost(tm, o)
	}
	t.indexed, t.members, t.links, t.active, t.into = nil, nil, nil, false, si
	c.reindex(si)
}

// reindex puts story si under the top terms of its centroid.
func (c *Clusterer) reindex(si int32) {
	s := c.stories[si]
	top := s.centroid.Top(c.cfg.IndexTerms)
	terms := make([]uint32, len(top))
	for i, e := range top {
		terms[i] = e.ID
	}
	// remove from terms no longer indexed, add to new ones
	for _, t := range s.indexed {
		if _, found := slices.BinarySearch(terms, t); !found {
			c.unpost(t, si)
		}
	}
	for _, t := range terms {
		if _, found := slices.BinarySearch(s.indexed, t); !found {
			p := append(c.post[t], si)
			if len(p) > c.cfg.MaxPostings {
				// drop the least recently posted story
				old := p[0]
				p = slices.Delete(p, 0, 1)
				os := c.stories[old]
				if i, found := slices.BinarySearch(os.indexed, t); found {
					os.indexed = slices.Delete(os.indexed, i, i+1)
				}
			}
			c.post[t] = p
		}
	}
	// terms dropped for length are no longer in s.indexed; keep only
	// the ones posted
	s.indexed = terms
}

func (c *Clusterer) unpost(t uint32, si int32) {
	p := c.post[t]
	if i := slices.Index(p, si); i >= 0 {
		p = slices.Delete(p, i, i+1)
	}
	if len(p) == 0 {
		delete(c.post, t)
	} else {
		c.post[t] = p
	}
}

// until is when a story's stay in the index is measured from: its last
// dated doc, put off by the time it has already run (its span of dated
// docs), at most by window. A story told in a few days leaves the index
// window after its last doc; one that has run for a year, a theme or a
// long trial, stays a year longer, since such a story is likely to go on.
// No story stays more than twice window after its last doc, so a store
// can restore what the index holds from the docs of that time alone
// (MaxStay).
func (s *story) until(window time.Duration) time.Time {
	return s.last.Add(min(s.last.Sub(s.first), window))
}

// MaxStay is the longest a story stays in the index after its last doc:
// twice c.Window. A clusterer rebuilt from the docs of the stories whose
// last doc is within MaxStay of the newest holds every story the
// original could still place a doc in.
func (c Config) MaxStay() time.Duration { return 2 * c.Window }

// maxLeap is how far past the clock one doc can move it alone.
const maxLeap = 30 * 24 * time.Hour

// advance moves the clock to t and retires the stories whose until is
// more than Window before it. One doc dated far past the clock (more
// than maxLeap) does not move it alone: a misdated article ("2099")
// would retire every story. The clock leaps only when the next doc
// also lies past that reach, to the earlier of the two dates; a stream
// that resumes after a pause loses one doc's worth of retiring, a lone
// misdated doc none.
func (c *Clusterer) advance(t time.Time) {
	if t.IsZero() {
		return
	}
	if !t.After(c.clock) {
		c.leap = time.Time{}
		return
	}
	if !c.clock.IsZero() && t.Sub(c.clock) > maxLeap {
		if c.leap.IsZero() {
			c.leap = t
			return
		}
		t = minTime(t, c.leap)
	}
	c.leap = time.Time{}
	c.clock = t
	limit := t.Add(-c.cfg.Window)
	for c.expiry.Len() > 0 && c.expiry[0].last.Before(limit) {
		it := heap.Pop(&c.expiry).(expiryItem)
		s := c.stories[it.story]
		if !s.active || !s.until(c.cfg.Window).Equal(it.last) {
			continue // a later doc pushed a newer entry
		}
		c.retire(it.story)
	}
}

// retire takes a story out of the index and its docs out of the LSH.
func (c *Clusterer) retire(si int32) {
	s := c.stories[si]
	for _, t := range s.indexed {
		c.unpost(t, si)
	}
	s.indexed = nil
	for _, di := range s.members {
		c.lsh.Remove(di, c.docs[di].sig)
		c.docs[di].sig = nil
	}
	s.members = nil
	s.links = nil
	s.active = false
}

// activate brings back a retired story a doc joined (a duplicate of an
// old doc, or a restored one).
func (c *Clusterer) activate(si int32) {
	c.stories[si].active = true
	c.reindex(si)
}

type expiryItem struct {
	last  time.Time
	story int32
}

type expiryHeap []expiryItem

func (h expiryHeap) Len() int { return len(h) }
func (h expiryHeap) Less(i, j int) bool {
	if !h[i].last.Equal(h[j].last) {
		return h[i].last.Before(h[j].last)
	}
	return h[i].story < h[j].story
}
func (h expiryHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *expiryHeap) Push(x any)   { *h = append(*h, x.(expiryItem)) }
func (h *expiryHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Group splits a pile of docs into stories: it places them in date order
// (undated docs after the dated ones, each in input order) with a new
// Clusterer, and returns the stories in the order of their first doc in
// docs, each story's docs in input order. docs are not modified.
func Group(docs []*news.Doc, cfg Config) [][]*news.Doc {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return news.CompareDated(DocDate(docs[a]), DocDate(docs[b]))
	})
	c := New(cfg)
	storyOf := make([]string, len(docs))
	for _, i := range order {
		storyOf[i] = c.Add(docs[i]).Story
	}
	idx := map[string]int{}
	var out [][]*news.Doc
	for i, d := range docs {
		k, ok := idx[storyOf[i]]
		if !ok {
			k = len(out)
			idx[storyOf[i]] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], d)
	}
	return out
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
