package ingest

import (
	"regexp"
	"testing"
)

// TestRegexpsCompile compiles every pattern that is compiled on first
// use, so that a bad one fails here rather than on some input.
func TestRegexpsCompile(t *testing.T) {
	for _, re := range []func() *regexp.Regexp{
		creditsRE, copyrightRE, labelCountRE, feedFooterRE, furnitureClassRE, dateClassRE, urlDateRE,
		sgmlTagRE, sgmlParaRE, sgmlEntityRE, docnoDateRE, docnoSourceRE, headerRE, metaKeyRE, bylineRE,
		outletPrefixRE, capsDatelineRE, titleDatelineRE, dlDateRE, outletDatelineRE,
	} {
		if re() == nil {
			t.Error("nil pattern")
		}
	}
}

func TestCopyright(t *testing.T) {
	for s, want := range map[string]bool{
		"© 2020 CBS Interactive Inc. All Rights Reserved.":                      true,
		"Copyright 2019 The Daily Star":                                         true,
		"(c) 2011 Harbour Times":                                                true,
		"(c) intra- and cross-document coreference relations were established:": false,
		"Copyright law protects the work of authors.":                           false,
	} {
		if got := copyrightRE().MatchString(s); got != want {
			t.Errorf("copyright(%q) = %v, want %v", s, got, want)
		}
	}
}
