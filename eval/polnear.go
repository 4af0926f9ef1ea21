package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/news"
)

// Attribution is one gold or found attribution: the spans of its source,
// cue and content, as byte spans of the text. A part may have several
// spans (a quotation split around its cue) or none (no source).
type Attribution struct {
	Source  []news.Span
	Cue     []news.Span
	Content []news.Span
}

// PolnearDoc is one PolNeAR article with its gold attributions.
type PolnearDoc struct {
	Name         string
	Text         string
	Attributions []Attribution
	// Others holds the attributions of the article's other annotators,
	// one list each, when several annotated it.
	Others [][]Attribution
}

// ReadPolNeAR reads a PolNeAR compartment: dir/text/NAME.txt and
// dir/attributions/NAME_ANNOTATOR.ann in brat standoff. When an article
// was annotated by several annotators, the first file in name order is
// the gold and the others go to Others.
func ReadPolNeAR(dir string) ([]PolnearDoc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("eval: polnear: %w", err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("eval: polnear: no .ann files in %s: %w", filepath.Join(dir, "attributions"), os.ErrNotExist)
	}
	sort.Strings(anns)
	seen := map[string]int{}
	var docs []PolnearDoc
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			base = base[:i]
		}
		if i, ok := seen[base]; ok {
			d, err := readPolnearDoc(ann, docs[i].Text)
			if err != nil {
				return nil, err
			}
			docs[i].Others = append(docs[i].Others, d.Attributions)
			continue
		}
		seen[base] = len(docs)
		text, err := os.ReadFile(filepath.Join(dir, "text", base+".txt"))
		if err != nil {
			return nil, fmt.Errorf("eval: polnear: %w", err)
		}
		d, err := readPolnearDoc(ann, string(text))
		if err != nil {
			return nil, err
		}
		d.Name = base
		docs = append(docs, d)
	}
	return docs, nil
}

func readPolnearDoc(path, text string) (PolnearDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return PolnearDoc{}, fmt.Errorf("eval: polnear: %w", err)
	}
	defer f.Close()
	b, err := ReadBrat(f)
	if err != nil {
		return PolnearDoc{}, fmt.Errorf("eval: polnear: %s: %w", path, err)
	}
	return PolnearDoc{Text: text, Attributions: attributionsOf(b, text)}, nil
}

// attributionsOf turns the Attribution events of a brat file into
// attributions with byte spans.
func attributionsOf(b *BratDoc, text string) []Attribution {
	offs := runeOffsets(text)
	var out []Attribution
	for _, ev := range b.Events {
		if !strings.HasPrefix(ev.Type, "Attribution") {
			continue
		}
		var a Attribution
		for _, arg := range ev.Args {
			t := b.Texts[arg.ID]
			if t == nil {
				continue
			}
			var spans []news.Span
			for _, s := range t.Spans {
				if bs, ok := toBytes(s, offs); ok && !bs.IsZero() {
					spans = append(spans, bs)
				}
			}
			switch {
			case strings.HasPrefix(arg.Role, "Source"):
				a.Source = append(a.Source, spans...)
			case strings.HasPrefix(arg.Role, "Cue"):
				a.Cue = append(a.Cue, spans...)
			case strings.HasPrefix(arg.Role, "Content"):
				a.Content = append(a.Content, spans...)
			}
		}
		if len(a.Content) == 0 && len(a.Cue) == 0 {
			continue
		}
		out = append(out, a)
	}
	return out
}
