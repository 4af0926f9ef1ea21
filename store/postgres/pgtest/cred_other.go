//go:build !unix

package pgtest

import "os/exec"

func setCred(*exec.Cmd, *account) {}
