//go:build amd64 && !purego

#include "textflag.h"

// func addRow(sc, row *[17]float32)
//
// sc[l] += row[l] for the 17 labels: four packed single-precision
// additions and one scalar one, each lane the IEEE addition that the Go
// code (addRowGo) makes, so the same sums to the bit.
TEXT ·addRow(SB), NOSPLIT, $0-16
	MOVQ   sc+0(FP), AX
	MOVQ   row+8(FP), BX
	MOVUPS 0(AX), X0
	MOVUPS 16(AX), X1
	MOVUPS 32(AX), X2
	MOVUPS 48(AX), X3
	MOVSS  64(AX), X4
	MOVUPS 0(BX), X5
	MOVUPS 16(BX), X6
	MOVUPS 32(BX), X7
	MOVUPS 48(BX), X8
	MOVSS  64(BX), X9
	ADDPS  X5, X0
	ADDPS  X6, X1
	ADDPS  X7, X2
	ADDPS  X8, X3
	ADDSS  X9, X4
	MOVUPS X0, 0(AX)
	MOVUPS X1, 16(AX)
	MOVUPS X2, 32(AX)
	MOVUPS X3, 48(AX)
	MOVSS  X4, 64(AX)
	RET
