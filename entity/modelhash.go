package entity

import (
	"crypto/sha256"
	"encoding/hex"
)

// ModelHash returns the hex SHA-256 of the embedded tagger model, so that
// a Doc can record which model found its mentions.
func ModelHash() string {
	sum := sha256.Sum256(modelData)
	return hex.EncodeToString(sum[:])
}
