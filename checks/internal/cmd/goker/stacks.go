package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// A site is where one goroutine of a kernel stands: the innermost frame
// of its stack in the kernel's own file, with the functions of all its
// frames in that file.
type site struct {
	line  int
	fn    string   // innermost, as funcName gives it
	funcs []string // every frame in the kernel's file, innermost first
	lines []int    // and their lines
}

// fileLine matches a frame's position line: "\t/path/file.go:12 +0x3c".
var fileLine = regexp.MustCompile(`^\s+(\S+\.go):(\d+)`)

// stackSites finds the goroutine stacks in text (a Go traceback, a race
// report, or weft's report, which quotes such stacks indented) and returns
// one site per stack that passes through file (a base name). A stack is a
// run of frame pairs, a function line then its position line; the
// "created by" frame and the stacks under "created at:" say where a
// goroutine was started, not where it stands, and are left out.
func stackSites(text, file string) []site {
	lines := strings.Split(text, "\n")
	var sites []site
	var cur *site
	skip := false // inside a "created at:" stack
	flush := func() {
		if cur != nil && cur.line > 0 {
			sites = append(sites, *cur)
		}
		cur = nil
	}
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		var m []string
		if l != "" && !fileLine.MatchString(lines[i]) && i+1 < len(lines) {
			m = fileLine.FindStringSubmatch(lines[i+1])
		}
		if m == nil { // a header, or text between stacks
			flush()
			skip = strings.HasSuffix(l, "created at:")
			continue
		}
		i++ // the frame's position line
		if skip || strings.HasPrefix(l, "created by ") {
			continue
		}
		if cur == nil {
			cur = &site{}
		}
		if filepath.Base(m[1]) != file {
			continue
		}
		fn := funcName(l)
		if cur.line == 0 {
			cur.line, _ = strconv.Atoi(m[2])
			cur.fn = fn
		}
		n, _ := strconv.Atoi(m[2])
		cur.funcs = append(cur.funcs, fn)
		cur.lines = append(cur.lines, n)
	}
	flush()
	return sites
}

// closure matches the suffixes the compiler gives function literals and
// the wrappers of go statements and method values: .func1, .func1.2,
// .gowrap1, -fm.
var closure = regexp.MustCompile(`(\.(func|gowrap)\d+|\.\d+|-fm)+$`)

// funcName reduces a frame's function line to the function's name within
// its package, such as "(*Stopper).Stop" or "TestX.func2": no package
// path and no arguments, which differ between the README's run and ours.
func funcName(frame string) string {
	if j := strings.LastIndex(frame, "("); j > 0 && strings.HasSuffix(frame, ")") {
		frame = frame[:j]
	}
	if j := strings.LastIndex(frame, "/"); j >= 0 {
		frame = frame[j+1:]
	}
	if j := strings.Index(frame, "."); j >= 0 {
		frame = frame[j+1:]
	}
	return frame
}

// enclosing is a function's name without the closures inside it: a go
// statement's wrapper or a function literal is named after the function
// it is written in, and the rewrite adds literals of its own.
func enclosing(fn string) string {
	for {
		s := closure.ReplaceAllString(fn, "")
		if s == fn {
			return s
		}
		fn = s
	}
}
