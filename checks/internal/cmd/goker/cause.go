package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A cause is what a kernel's README says the bug is, as places in the
// kernel's file that a report must name. Its goroutines come from the
// first of these the README has:
//
//   - a backtrace: each goroutine (or race access) that passes through the
//     kernel's file is the line of its innermost frame there;
//   - an interleaving diagram ("G1 ... G2", ending "---G1,G2 deadlock---"):
//     each goroutine the last line names is the operation last written in
//     its column, such as "c.Lock()" or "errC <- err";
//   - the text: the lines it names ("missing unlock at line 25") with the
//     functions that hold them, and the calls it names ("svm.hotRemove()"),
//     together one goroutine.
//
// A call named as X.M(), in a diagram or the text, stands for a call Y.M()
// on a variable Y of X's type too, when the kernel declares that type
// (kernelTypes).
type cause struct {
	from string // "backtrace", "diagram", "text", or "" when none
	gs   []docGoroutine
}

// A docGoroutine is one goroutine of a cause: a site matches it when any
// of its fields does.
type docGoroutine struct {
	lines []int
	// near, for a backtrace's goroutine, is its innermost function: a
	// site in it a few lines from the line matches too, as tracebacks of
	// older Go versions put a blocked select or call a line off, and a
	// shift that fits every frame may not be the one the file took.
	near  string
	funcs []string // the functions holding lines (enclosing)
	ops   []string // operations or calls, as source text
}

func (g docGoroutine) String() string {
	var parts []string
	for _, l := range g.lines {
		parts = append(parts, "line "+strconv.Itoa(l))
	}
	for _, fn := range g.funcs {
		parts = append(parts, "in "+fn)
	}
	for _, op := range g.ops {
		parts = append(parts, strconv.Quote(op))
	}
	return strings.Join(parts, " or ")
}

var (
	diagramEnd  = regexp.MustCompile(`-{3,}\s*(G\d+(?:\s*,\s*G\d+)*)\s+(?:deadlock|leak)`)
	diagramHead = regexp.MustCompile(`^\s*G\d+(\s+G\d+)*\s*$`)
	gName       = regexp.MustCompile(`G\d+`)
	lineRef     = regexp.MustCompile(`(?i)\blines?\s+(\d+)`)
	callRef     = regexp.MustCompile(`\b([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\(\)`)
	fence       = regexp.MustCompile("(?s)```.*?```")
)

func parseCause(readme string, k *kernel) cause {
	var c cause
	seen := map[int]bool{}
	sites := stackSites(readme, k.file)
	shift, ok := k.shift(sites)
	for _, s := range sites {
		if seen[s.line] {
			continue
		}
		seen[s.line] = true
		g := docGoroutine{lines: []int{s.line + shift}, near: k.canonical(s.fn)}
		if !ok {
			// The file changed since the backtrace was taken, beyond a
			// shift of its lines: only the function is known.
			g.lines, g.near = nil, ""
			g.funcs = []string{k.canonical(s.fn)}
		}
		c.gs = append(c.gs, g)
	}
	if len(c.gs) > 0 {
		c.from = "backtrace"
		return c
	}
	if gs := diagram(readme); len(gs) > 0 {
		return cause{from: "diagram", gs: gs}
	}
	text := readme
	if i := strings.Index(text, "## Description"); i >= 0 {
		text = text[i:]
	}
	text = fence.ReplaceAllString(text, "")
	var g docGoroutine
	for _, m := range lineRef.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		if k.line(n) == "" || seen[n] {
			continue
		}
		seen[n] = true
		g.lines = append(g.lines, n)
		if fn := k.funcAt(n); fn != "" && fn != k.test {
			g.funcs = append(g.funcs, fn)
		}
	}
	for _, m := range callRef.FindAllStringSubmatch(text, -1) {
		if op := m[1] + "()"; !slices.Contains(g.ops, op) {
			g.ops = append(g.ops, op)
		}
	}
	if len(g.lines)+len(g.ops) > 0 {
		c.from, c.gs = "text", []docGoroutine{g}
	}
	return c
}

// diagram reads the interleaving diagram of a README: the operation each
// goroutine named at its end wrote last in its column.
func diagram(readme string) []docGoroutine {
	lines := strings.Split(readme, "\n")
	end := -1
	var names []string
	for i, l := range lines {
		if m := diagramEnd.FindStringSubmatch(l); m != nil {
			end, names = i, gName.FindAllString(m[1], -1)
			break
		}
	}
	if end < 0 {
		return nil
	}
	head := -1
	for i := end - 1; i >= 0; i-- {
		if diagramHead.MatchString(uncomment(lines[i])) {
			head = i
			break
		}
	}
	if head < 0 {
		return nil
	}
	var cols []int
	h := expand(lines[head])
	for _, loc := range gName.FindAllStringIndex(h, -1) {
		cols = append(cols, loc[0])
	}
	heads := gName.FindAllString(h, -1)
	last := map[string]string{}
	for _, l := range lines[head+1 : end] {
		e := expand(l)
		body := uncomment(e)
		op := strings.TrimSpace(body)
		if op == "" || strings.Trim(op, ". ") == "" {
			continue
		}
		at := len(e) - len(strings.TrimLeft(body, " ")) // the column the op starts at
		best := 0
		for j, c := range cols {
			if abs(c-at) < abs(cols[best]-at) {
				best = j
			}
		}
		last[heads[best]] = op
	}
	var gs []docGoroutine
	for _, n := range names {
		if op, ok := last[n]; ok {
			gs = append(gs, docGoroutine{ops: []string{op}})
		}
	}
	return gs
}

// uncomment drops a diagram line's comment marker ("///", "//").
func uncomment(l string) string {
	return strings.TrimLeft(strings.TrimLeft(l, " "), "/")
}

// expand turns tabs into spaces to 4-column stops, so that a diagram's
// columns line up as its author saw them.
func expand(l string) string {
	var b strings.Builder
	for _, r := range l {
		if r == '\t' {
			b.WriteByte(' ')
			for b.Len()%4 != 0 {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// matches reports whether s, a site weft reported, is where g stands.
func (g docGoroutine) matches(s site, k *kernel) bool {
	for _, l := range g.lines {
		if s.line == l {
			return true
		}
	}
	fn := k.canonical(s.fn)
	for _, l := range g.lines {
		if g.near == fn && abs(s.line-l) <= nearLines {
			return true
		}
	}
	for _, f := range g.funcs {
		if fn == f {
			return true
		}
	}
	text := k.statement(s.line)
	src := squeeze(text)
	for _, op := range g.ops {
		if o := squeeze(op); o != "" && strings.Contains(src, o) {
			return true
		}
		if prefixTokens(op, text) {
			return true
		}
		if k.types.sameTypeCall(op, s.line, k.statementEnd(s.line)) {
			return true
		}
		// A call the README names by its method: a frame of that function.
		if i := strings.LastIndex(op, "."); i >= 0 {
			name := strings.TrimSuffix(op[i+1:], "()")
			for _, fn := range s.funcs {
				if f := k.canonical(fn); f == name || strings.HasSuffix(f, "."+name) {
					return true
				}
			}
		}
	}
	return false
}

// tokens splits source text into identifiers and operators.
var tokens = regexp.MustCompile(`[A-Za-z_]\w*|<-|[^\sA-Za-z_]`)

// prefixTokens reports whether the tokens of op (two at least) start, in
// order and adjacent, tokens of text: "result<-" is found in
// "results <- true", as READMEs abbreviate.
func prefixTokens(op, text string) bool {
	o, t := tokens.FindAllString(op, -1), tokens.FindAllString(text, -1)
	if len(o) < 2 {
		return false
	}
	for i := 0; i+len(o) <= len(t); i++ {
		ok := true
		for j := range o {
			if !strings.HasPrefix(t[i+j], o[j]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// nearLines is how far from a backtrace's line a site in the same
// function may be.
const nearLines = 3

// squeeze drops the spaces of source text, so "result<-" is found in
// "result <- true".
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// check compares the sites of a report with the cause: how many of the
// documented goroutines some reported site matches.
func (c cause) check(sites []site, k *kernel) (found int) {
	for _, g := range c.gs {
		for _, s := range sites {
			if g.matches(s, k) {
				found++
				break
			}
		}
	}
	return found
}

// shift finds how far the kernel's lines moved since its README's
// backtrace was taken (some files gained a comment since): the smallest
// shift that puts every frame of the backtrace in the kernel's file back
// in the function the frame names. It reports false when none does.
//
// The header comment most kernels gained after their backtrace was taken
// is tried first: the shift that moves the package clause to line 1.
func (k *kernel) shift(sites []site) (int, bool) {
	for d := -1; d <= 60; d++ {
		shifts := []int{d, -d}
		if d < 0 {
			shifts = []int{k.pkgLine - 1}
		}
		for _, shift := range shifts {
			ok := true
			for _, s := range sites {
				for i, fn := range s.funcs {
					if k.funcAt(s.lines[i]+shift) != k.canonical(fn) {
						ok = false
					}
				}
			}
			if ok {
				return shift, true
			}
		}
	}
	return 0, false
}
