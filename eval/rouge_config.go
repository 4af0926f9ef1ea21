package eval

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

// RougeEval is one <EVAL> of a ROUGE-1.5.5 configuration file: the peer
// summaries to score and the model summaries to score them against.
type RougeEval struct {
	ID        string
	PeerRoot  string
	ModelRoot string
	// Format is the INPUT-FORMAT TYPE (SPL is the one read here).
	Format string
	// Peers and Models map IDs to file names under their roots, in the
	// order the file lists them.
	Peers  []RougeFile
	Models []RougeFile
}

// RougeFile is a summary file named in a ROUGE configuration.
type RougeFile struct {
	ID   string
	File string
}

type xmlRouge struct {
	Evals []struct {
		ID        string `xml:"ID,attr"`
		PeerRoot  string `xml:"PEER-ROOT"`
		ModelRoot string `xml:"MODEL-ROOT"`
		Format    struct {
			Type string `xml:"TYPE,attr"`
		} `xml:"INPUT-FORMAT"`
		Peers []struct {
			ID   string `xml:"ID,attr"`
			File string `xml:",chardata"`
		} `xml:"PEERS>P"`
		Models []struct {
			ID   string `xml:"ID,attr"`
			File string `xml:",chardata"`
		} `xml:"MODELS>M"`
	} `xml:"EVAL"`
}

// ReadRougeConfig reads a ROUGE-1.5.5 XML evaluation configuration.
func ReadRougeConfig(r io.Reader) ([]RougeEval, error) {
	var x xmlRouge
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("eval: rouge config: %w", err)
	}
	var out []RougeEval
	for _, e := range x.Evals {
		ev := RougeEval{ID: e.ID, PeerRoot: strings.TrimSpace(e.PeerRoot), ModelRoot: strings.TrimSpace(e.ModelRoot), Format: e.Format.Type}
		for _, p := range e.Peers {
			ev.Peers = append(ev.Peers, RougeFile{ID: p.ID, File: strings.TrimSpace(p.File)})
		}
		for _, m := range e.Models {
			ev.Models = append(ev.Models, RougeFile{ID: m.ID, File: strings.TrimSpace(m.File)})
		}
		out = append(out, ev)
	}
	return out, nil
}

// ReadSPL reads a summary in ROUGE's SPL format: one sentence per line.
func ReadSPL(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return strings.Split(string(b), "\n"), nil
}
