package checks

// A Verdict is the outcome of checking a structure: Ok, or the kind of
// failure found.
type Verdict string

// Ok: every execution's history is linearizable against the model, and
// every operation returned without panicking. Every other verdict is a
// failure.
const Ok Verdict = "ok"

// Failed reports whether v is a failure that fails a test. Unknown is one
// unless allowUnknown.
func (v Verdict) Failed(allowUnknown bool) bool {
	switch v {
	case Ok:
		return false
	case Unknown:
		return !allowUnknown
	default:
		return true
	}
}

// Satisfies reports whether finding v meets an expectation of want: the
// same verdict, or a deadlock where a potential one was expected.
func (v Verdict) Satisfies(want Verdict) bool {
	return v == want || want == PotentialDeadlock && v == Deadlock
}
