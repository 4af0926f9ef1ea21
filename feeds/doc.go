// Package feeds follows RSS, Atom and JSON feeds for `storyline serve`: it
// reads feed lists, polls each feed on its own schedule with conditional
// requests, and hands the items it has not seen before, read into
// news.Article values by ingest's feed reader, to a callback that takes
// them down the same path as `storyline ingest`.
//
// # Feed lists
//
// ParseList and ReadListFile read an OPML file (every outline with an
// xmlUrl, however deeply nested) or plain text with one URL per line ("#"
// starts a comment). URLs are normalized and duplicates dropped; each bad
// entry gives a *ListError naming its line, and the rest of the list is
// still returned.
//
// # Polling
//
// Poller.Poll fetches one feed once. It sends the ETag and Last-Modified of
// the last full response as If-None-Match and If-Modified-Since; a 304
// answer is not read further. A full response is read up to
// Config.MaxBodySize bytes within Config.Timeout, parsed, and its items
// compared with the keys (GUID, else link, else a hash of the item) in
// Feed.Seen; only new items are turned into articles, with ingest's reader,
// so a feed item becomes the same article here as in `storyline ingest`.
// Poll returns the feed's next state and never changes the Feed it was
// given.
//
// The default client is built by internal/safehttp: it refuses loopback,
// private, link-local, multicast, unspecified and shared addresses after DNS
// resolution and on every redirect, unless Config.AllowPrivate is set.
//
// # Scheduling
//
// After a success the next poll comes after the median gap between the
// feed's recent items (or half its silence since the newest item, when that
// is longer), or later when the server asks for it with Retry-After,
// Cache-Control max-age or Expires. After a failure it comes after an
// exponential backoff, Schedule.RetryBase doubled for each failure in a
// row, or later when Retry-After says so. Every wait is clamped between
// Schedule.Min (5 minutes) and Schedule.Max (a day), and computed without
// jitter, so the same state and headers always give the same time. Failures
// are kept in Feed.Failures and Feed.LastError, logged, and passed to
// Config.Report.
//
// # Running
//
// Poller.Run polls every followed feed when it is due, at most
// Config.Concurrency at once, delivers new articles to Config.Handle oldest
// first, and saves each feed's state through a StateStore (MemoryStore in
// memory; the store's backends for persistence). Add, Remove and Feeds
// manage the followed feeds while it runs, and every Config.Resync it reads
// the StateStore's feed list again, so feeds another process added or
// removed (`storyline feeds add|remove` on a shared store) are followed or
// dropped without a restart. An article the handler refuses
// stays unseen and is offered again by a later, unconditional poll. All
// time comes from Config.Clock, so tests drive the schedule by hand.
package feeds
