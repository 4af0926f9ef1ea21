//go:build unix

package pgtest

import (
	"os/exec"
	"syscall"
)

func setCred(cmd *exec.Cmd, a *account) {
	if a == nil {
		return
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: a.uid, Gid: a.gid}}
}
