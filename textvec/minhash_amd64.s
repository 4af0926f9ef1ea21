//go:build !purego

#include "textflag.h"

// func cpuHasAVX512() bool
TEXT ·cpuHasAVX512(SB), NOSPLIT, $0-1
	MOVB $0, ret+0(FP)
	// leaf 7 must exist
	XORL AX, AX
	XORL CX, CX
	CPUID
	CMPL AX, $7
	JLT  no
	// OSXSAVE (leaf 1, ECX bit 27)
	MOVL $1, AX
	XORL CX, CX
	CPUID
	BTL  $27, CX
	JCC  no
	// the OS saves XMM, YMM, opmask and ZMM state (XCR0 bits 1, 2, 5, 6, 7)
	XORL CX, CX
	XGETBV
	ANDL $0xe6, AX
	CMPL AX, $0xe6
	JNE  no
	// AVX512F (leaf 7, EBX bit 16) and AVX512DQ (bit 17)
	MOVL $7, AX
	XORL CX, CX
	CPUID
	ANDL $0x30000, BX
	CMPL BX, $0x30000
	JNE  no
	MOVB $1, ret+0(FP)

no:
	RET

// func minHash8(hs []uint64, c, m *[8]uint64)
//
// For each shingle hash h, Z4 = mix(h + c) lane by lane (SplitMix64's
// finaliser, as mix in minhash.go), and Z0 keeps the lanes' minimums.
TEXT ·minHash8(SB), NOSPLIT, $0-40
	MOVQ hs_base+0(FP), SI
	MOVQ hs_len+8(FP), CX
	MOVQ c+24(FP), AX
	MOVQ m+32(FP), DX
	VMOVDQU64 (AX), Z1
	VMOVDQU64 (DX), Z0
	MOVQ $0xbf58476d1ce4e5b9, BX
	VPBROADCASTQ BX, Z2
	MOVQ $0x94d049bb133111eb, BX
	VPBROADCASTQ BX, Z3
	TESTQ CX, CX
	JZ    done

loop:
	VPBROADCASTQ (SI), Z4
	VPADDQ  Z1, Z4, Z4
	VPSRLQ  $30, Z4, Z5
	VPXORQ  Z5, Z4, Z4
	VPMULLQ Z2, Z4, Z4
	VPSRLQ  $27, Z4, Z5
	VPXORQ  Z5, Z4, Z4
	VPMULLQ Z3, Z4, Z4
	VPSRLQ  $31, Z4, Z5
	VPXORQ  Z5, Z4, Z4
	VPMINUQ Z4, Z0, Z0
	ADDQ    $8, SI
	DECQ    CX
	JNZ     loop

done:
	VMOVDQU64 Z0, (DX)
	VZEROUPPER
	RET

// func shingles8(words []uint64, w int, hs []uint64)
//
// hs[i] = the hash of the w words from words[i] (h = mix(h^x + φ) over
// them, from 0, as in minHash), eight shingles at once; len(hs) is a
// multiple of 8 and words holds len(hs)+w-1 words at least.
TEXT ·shingles8(SB), NOSPLIT, $0-56
	MOVQ words_base+0(FP), SI
	MOVQ w+24(FP), R8
	MOVQ hs_base+32(FP), DI
	MOVQ hs_len+40(FP), CX
	SHRQ $3, CX
	JZ   sdone
	TESTQ R8, R8
	JZ   sdone
	MOVQ $0xbf58476d1ce4e5b9, BX
	VPBROADCASTQ BX, Z2
	MOVQ $0x94d049bb133111eb, BX
	VPBROADCASTQ BX, Z3
	MOVQ $0x9e3779b97f4a7c15, BX
	VPBROADCASTQ BX, Z6

souter:
	VPXORQ Z4, Z4, Z4
	MOVQ   SI, R9
	MOVQ   R8, R10

sinner:
	VMOVDQU64 (R9), Z7
	VPXORQ  Z7, Z4, Z4
	VPADDQ  Z6, Z4, Z4
	VPSRLQ  $30, Z4, Z5
	VPXORQ  Z5, Z4, Z4
	VPMULLQ Z2, Z4, Z4
	VPSRLQ  $27, Z4, Z5
	VPXORQ  Z5, Z4, Z4
	VPMULLQ Z3, Z4, Z4
	VPSRLQ  $31, Z4, Z5
	VPXORQ  Z5, Z4, Z4
	ADDQ    $8, R9
	DECQ    R10
	JNZ     sinner
	VMOVDQU64 Z4, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  souter
	VZEROUPPER

sdone:
	RET
