// Command train trains storyline's entity tagger on the CoNLL-2003 English
// data (Reuters RCV1 news) and writes the model that package entity embeds:
//
//	go run ./entity/train --data ../shared/data/entities/conll2003 --out entity/model.bin.gz
//
// It reads train.txt to learn and valid.txt to report progress, and adds
// the country, province and region names of Debian's iso-codes package
// (apt-get install iso-codes) to the gazetteer, so the model needs nothing
// installed at run time. Without that package it stops with an error
// rather than write a different model; --iso "" trains without the names.
// Training is deterministic and takes about 20 CPU seconds.
//
// The weights are written quantised to 8 bits with one scale (--bits;
// see package internal/perceptron). Against 16 bits, 8 moved CoNLL-2003
// valid F1 (eval entities) from 93.35 to 93.39 and made the file a
// fifth smaller; the same training at 16 bits wrote the weights of the
// model shipped before, to the bit.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/storyline-news/storyline/entity/internal/ner"
)

func main() {
	data := flag.String("data", "../shared/data/entities/conll2003", "folder with train.txt and valid.txt")
	out := flag.String("out", "entity/model.bin.gz", "model file to write")
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", `iso-codes country list ("" trains without place names)`)
	epochs := flag.Int("epochs", 12, "training epochs")
	minW := flag.Float64("min-weight", 0.02, "drop averaged weights smaller than this")
	bits := flag.Int("bits", ner.Bits, "bits per weight in the file: 8 or 16 (quantised with one scale) or 32 (float32)")
	flag.Parse()
	if err := run(*data, *out, *iso, *epochs, *minW, *bits); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func read(path string) ([]ner.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadCoNLL(f)
}

// readISO reads one of iso-codes' JSON lists: a map from the standard's
// name ("3166-1") to its entries.
func readISO(path string) (map[string][]map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v map[string][]map[string]string
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// countries reads country names from iso-codes' JSON list.
func countries(path string) ([]ner.GazEntry, error) {
	v, err := readISO(path)
	if err != nil {
		return nil, err
	}
	var out []ner.GazEntry
	seen := map[string]bool{}
	loc := 2 // LOC
	for _, c := range v["3166-1"] {
		for _, k := range []string{"name", "common_name", "official_name"} {
			n := c[k]
			if n == "" || strings.ContainsAny(n, ",()") || seen[n] {
				continue
			}
			seen[n] = true
			out = append(out, ner.GazEntry{Words: strings.Fields(n), Type: loc})
		}
	}
	return out, nil
}

// subdivisions reads the names of countries' provinces and regions from
// iso-codes' ISO 3166-2 list, accents dropped as news writes them.
func subdivisions(path string) ([]ner.GazEntry, error) {
	v, err := readISO(path)
	if err != nil {
		return nil, err
	}
	var out []ner.GazEntry
	seen := map[string]bool{}
	for _, c := range v["3166-2"] {
		n := ner.FoldAccents(strings.NewReplacer("’", "", "'", "").Replace(c["name"]))
		if n == "" || strings.ContainsAny(n, ",()/[]") || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, ner.GazEntry{Words: strings.Fields(n), Type: 2})
	}
	return out, nil
}

func run(data, out, iso string, epochs int, minW float64, bits int) error {
	start := time.Now()
	train, err := read(filepath.Join(data, "train.txt"))
	if err != nil {
		return err
	}
	dev, err := read(filepath.Join(data, "valid.txt"))
	if err != nil {
		return err
	}
	// The shipped model was trained with the iso-codes names: without
	// them the same command would quietly write a different model, so a
	// missing list is an error unless --iso "" asks to train without it.
	var extra []ner.GazEntry
	if iso != "" {
		const hint = "install Debian's iso-codes (apt-get install iso-codes), or pass --iso \"\" to train without the place names"
		countryList, err := countries(iso)
		if err != nil {
			return fmt.Errorf("country list: %w; %s", err, hint)
		}
		subs, err := subdivisions(strings.Replace(iso, "3166-1", "3166-2", 1))
		if err != nil {
			return fmt.Errorf("subdivision list: %w; %s", err, hint)
		}
		extra = append(countryList, subs...)
	}
	m := ner.Train(train, ner.TrainOptions{Epochs: epochs, Folds: 5, Extra: extra, MinWeight: minW, Seed: 1, Dev: dev, Progress: os.Stderr})
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.Save(f, bits); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	// Score the model as written, quantised, to check the file.
	f, err = os.Open(out)
	if err != nil {
		return err
	}
	defer f.Close()
	loaded, err := ner.Load(f)
	if err != nil {
		return err
	}
	p, r, f1 := ner.Score(loaded, dev, 3)
	st, _ := os.Stat(out)
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %s; valid PER+ORG+LOC P %.4f R %.4f F1 %.4f\n", out, st.Size(), time.Since(start).Round(time.Second), p, r, f1)
	return nil
}
