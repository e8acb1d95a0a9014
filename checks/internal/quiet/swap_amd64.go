package quiet

// swap stores v in *p and returns the old value (XCHGL: a full barrier).
//
//go:noescape
func swap(p *uint32, v uint32) uint32
