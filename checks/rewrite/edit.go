package rewrite

import (
	"fmt"
	"sort"
	"strings"
)

// An editor rewrites one file as byte-range replacements of its original
// text rather than by printing a modified syntax tree: everything it does
// not replace stays byte for byte, comments and formatting included, and a
// replacement keeps its newlines where the original had them, so almost
// every line of the output is the line of the same number in the input.
//
// Replacements nest: a construct is rewritten after the ones inside it
// (post-order), and its replacement text embeds their rewritten text
// through text.
type editor struct {
	src   []byte
	edits []edit // by start, each before those inside it
}

type edit struct {
	start, end int
	text       string
	seq        int // of two replacements of one range, the later is the outer
}

// text returns src[start:end] with the outermost replacements inside it
// applied.
func (e *editor) text(start, end int) string {
	var b strings.Builder
	at := start
	for _, ed := range e.edits {
		if ed.start < at || ed.end > end {
			continue // outside, or inside one already applied
		}
		b.Write(e.src[at:ed.start])
		b.WriteString(ed.text)
		at = ed.end
	}
	b.Write(e.src[at:end])
	return b.String()
}

// replace replaces src[start:end] by text. The replacements inside the
// range stay, as its children: text of a range inside it still sees them
// (make(chan chan int) needs the rewritten element type of a channel type
// it has itself replaced), but output only applies the outermost. A range
// that cuts one of them in two is a bug of the rewriter.
func (e *editor) replace(start, end int, text string) {
	for _, ed := range e.edits {
		inside := ed.start >= start && ed.end <= end
		outside := ed.end <= start || ed.start >= end
		contains := ed.start <= start && ed.end >= end
		if !inside && !outside && !contains {
			panic(fmt.Sprintf("rewrite: replacement [%d,%d) overlaps [%d,%d)", start, end, ed.start, ed.end))
		}
	}
	e.edits = append(e.edits, edit{start, end, text, len(e.edits)})
	// By start, the outer of two nested ranges first.
	sort.Slice(e.edits, func(i, j int) bool {
		a, b := e.edits[i], e.edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.seq > b.seq
	})
}

// output applies every replacement. Where one changes the number of lines,
// a line directive after it (naming path, the original file) gives what
// follows its original line and column back, so compiler errors, panics and
// weft's reports point at the user's own lines.
func (e *editor) output(path string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "//line %s:1\n", path)
	at, line := 0, 1 // line: the original line of offset at
	outLine := 1     // the line the output is on, as the directive numbers it
	for _, ed := range e.edits {
		if ed.start < at {
			continue // inside one already applied
		}
		orig := string(e.src[at:ed.start])
		b.WriteString(orig)
		n := strings.Count(orig, "\n")
		line += n
		outLine += n
		b.WriteString(ed.text)
		line += strings.Count(string(e.src[ed.start:ed.end]), "\n")
		outLine += strings.Count(ed.text, "\n")
		at = ed.end
		if outLine != line {
			col := ed.end - strings.LastIndexByte(string(e.src[:ed.end]), '\n')
			fmt.Fprintf(&b, "/*line %s:%d:%d*/", path, line, col)
			outLine = line
		}
	}
	b.WriteString(string(e.src[at:]))
	return []byte(b.String())
}
