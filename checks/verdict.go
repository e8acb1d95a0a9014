package checks

import "strings"

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
// same verdict, a deadlock where a potential one was expected, or either
// verdict of an expectation made with Or.
func (v Verdict) Satisfies(want Verdict) bool {
	for _, w := range strings.Split(string(want), orSeparator) {
		if v == Verdict(w) || Verdict(w) == PotentialDeadlock && v == Deadlock {
			return true
		}
	}
	return false
}

// Or is the expectation met by finding either v or w: for a bug that shows
// as one or the other depending on the schedule, such as a race whose
// racing access may never happen once a requirement has already failed.
// It is an expectation, never a verdict a check reaches.
func (v Verdict) Or(w Verdict) Verdict {
	return v + orSeparator + w
}

// orSeparator joins the verdicts of an Or; no verdict's name contains it.
const orSeparator = " or "
