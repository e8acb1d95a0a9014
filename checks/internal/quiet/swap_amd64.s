#include "textflag.h"

// func swap(p *uint32, v uint32) uint32
TEXT ·swap(SB), NOSPLIT, $0-20
	MOVQ p+0(FP), BX
	MOVL v+8(FP), AX
	XCHGL AX, 0(BX)
	MOVL AX, ret+16(FP)
	RET
