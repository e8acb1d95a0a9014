package checks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/view"
)

// A failure's view is weft's own page (package internal/view): the clients
// as the report labels them, each call's interval, the order the checker
// found with the model state after each call, where linearization gets
// stuck and, for a controlled failure, the interleaving. It links to
// porcupine's page of the same history, written beside it as
// NAME.porcupine.html, which adds what weft's page lacks: zooming into a
// long history and the state at any point of it.

// writeView writes weft's view of f's history to its view file, and
// porcupine's beside it.
func (r *runner) writeView(f *failure, info porcupine.LinearizationInfo) error {
	porcupinePage := strings.TrimSuffix(f.files.view, ".html") + ".porcupine.html"
	if err := r.writePorcupineView(f, info, porcupinePage); err != nil {
		return err
	}
	fh := r.tg.fileHistory(f.exec)
	h := fh.hist(f.files.history)
	if c := f.exec.control; c != nil {
		var b strings.Builder
		writeInterleaving(&b, c, r.tg.program)
		h.Interleaving = b.String()
	}
	// The checker runs again on the operations as the view numbers them:
	// on a failure's shrunk history, that takes milliseconds.
	a := view.Check(h, r.cfg.checkTimeout)
	return view.WriteFile(absFromRoot(f.files.view), h, a, view.Options{
		Verdict: string(f.verdict),
		Links: []view.Link{{
			Text: "porcupine's view of the same history (zoom, and each call's state on hover)",
			Href: filepath.Base(porcupinePage),
		}},
	})
}

// Porcupine's page is adapted to read as the report does: porcupine
// numbers its rows by client id and titles every page "Porcupine", while
// weft's rows are its clients, the harness (init and post) and the
// fire-and-forget calls of each client (see operations). The page is
// rewritten where porcupine leaves no hook: its title, and the row labels
// its script draws. The rewrites match porcupine v1.3.1's page;
// TestWriteView_LabelsRowsAsTheReport fails if an upgrade changes it.

// rowLabelSites are the expressions of porcupine's script that label a
// client's row with its number, and what replaces them.
var rowLabelSites = []struct{ from, to string }{
	{"i < realClients ? i.toString() :", "i < realClients ? weftRow(i) :"},
	{"i < realClients ? i :", "i < realClients ? weftRow(i) :"},
}

// writePorcupineView writes porcupine's HTML view of f's history to the
// file called name, relative to the module root.
func (r *runner) writePorcupineView(f *failure, info porcupine.LinearizationInfo, name string) error {
	info.AddAnnotations(r.annotations(f))
	var page bytes.Buffer
	if err := porcupine.Visualize(r.tg.checker, info, &page); err != nil {
		return err
	}
	out, err := relabel(page.String(), fmt.Sprintf("weft: %s — %s (porcupine's view)", r.tg.name, f.verdict), rowLabels(f.exec.clients))
	if err != nil {
		return err
	}
	return os.WriteFile(absFromRoot(name), []byte(out), 0o644)
}

// rowLabels names the rows of the view of an execution with n clients.
func rowLabels(n int) []string {
	labels := make([]string, 0, 2*n+1)
	for c := range n {
		labels = append(labels, fmt.Sprintf("client %d", c))
	}
	labels = append(labels, "init, post")
	for c := range n {
		labels = append(labels, fmt.Sprintf("client %d, fire-and-forget", c))
	}
	return labels
}

// relabel gives porcupine's page the title and the row labels.
func relabel(page, title string, rows []string) (string, error) {
	page = strings.Replace(page, "<title>Porcupine</title>", "<title>"+html.EscapeString(title)+"</title>", 1)
	for _, s := range rowLabelSites {
		if !strings.Contains(page, s.from) {
			return "", fmt.Errorf("porcupine's page changed: no %q to label its rows", s.from)
		}
		page = strings.ReplaceAll(page, s.from, s.to)
	}
	names, err := json.Marshal(rows) // escapes < and >: safe in a script
	if err != nil {
		return "", err
	}
	def := fmt.Sprintf("<script>\n      const weftRows = %s\n      function weftRow(i) { return i < weftRows.length ? weftRows[i] : i.toString() }\n", names)
	return strings.Replace(page, "<script>", def, 1), nil
}

// annotations mark panics and calls that never returned, each on a row of
// its own below the clients, so that no badge covers a call's name.
func (r *runner) annotations(f *failure) []porcupine.Annotation {
	var as []porcupine.Annotation
	for i := range f.exec.history {
		rec := &f.exec.history[i]
		switch {
		case rec.panic != nil:
			as = append(as, porcupine.Annotation{Tag: "panicked", Start: rec.call,
				Description: rec.label(), Details: r.callName(rec) + ": " + rec.panic.Value, BackgroundColor: "#f8b4b4"})
		case rec.pending:
			as = append(as, porcupine.Annotation{Tag: "never returned", Start: rec.call,
				Description: rec.label(), Details: r.callName(rec), BackgroundColor: "#fde68a"})
		}
	}
	return as
}

// label names the call of rec as the scenario table does, such as "post 1"
// or "client 1, call 2".
func (rec *record) label() string {
	if rec.part == partParallel {
		return fmt.Sprintf("client %d, call %d", rec.client, rec.index+1)
	}
	return fmt.Sprintf("%s %d", rec.part, rec.index+1)
}
