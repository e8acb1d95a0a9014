#include "textflag.h"

// func tick(p *uint64) uint64
TEXT ·tick(SB), NOSPLIT, $0-16
	MOVQ p+0(FP), BX
	MOVQ $1, AX
	LOCK
	XADDQ AX, 0(BX)
	INCQ AX
	MOVQ AX, ret+8(FP)
	RET
