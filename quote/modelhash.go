package quote

import (
	"crypto/sha256"
	"encoding/hex"
)

// ModelHash returns the hex SHA-256 of the embedded cue model, so that a
// Doc can record which model found its quotes.
func ModelHash() string {
	sum := sha256.Sum256(cueModelData)
	return hex.EncodeToString(sum[:])
}
