package history

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
)

// weft's own history files (histories/README.md), which failing checks
// write: the file names its structure, whose model and operations decode
// the calls. Only the catalog's structures are known here; a history of
// another structure is a NotInCatalogError.
func init() {
	register(format{name: "weft", sniff: sniffWeft, read: readWeft})
}

// sniffWeft recognises a JSON object that names weft's format version
// near its start (weft writes it first).
func sniffWeft(_ string, head []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("{")) && bytes.Contains(head, []byte(`"weftHistoryFormat"`))
}

// structures maps the name of every structure of the catalog to it. The
// catalog is imported to judge files, never to run its structures, so it
// needs no rewritten build here.
var structures = sync.OnceValue(func() map[string]checks.Target {
	m := map[string]checks.Target{}
	for _, e := range catalog.All() {
		if _, ok := m[e.Name]; !ok {
			m[e.Name] = e.Target
		}
	}
	return m
})

// A NotInCatalogError is Read's error for a weft history file of a
// structure outside weft's catalog: its model exists only in the test
// binary of the structure's own module, which the weft command asks to
// judge the file (the -weft.judge setting of package checks).
type NotInCatalogError struct {
	File, Structure string
}

func (e *NotInCatalogError) Error() string {
	return fmt.Sprintf("%s: structure %q is not in weft's catalog; its model is in the test binary of its own module, "+
		"which the weft command asks to judge the file when run from that module", e.File, e.Structure)
}

func readWeft(name string, data []byte) (*History, error) {
	structure, err := checks.HistoryStructure(name, data)
	if err != nil {
		return nil, err
	}
	target, ok := structures()[structure]
	if !ok {
		return nil, &NotInCatalogError{File: name, Structure: structure}
	}
	fh, err := checks.HistoryOf(target, name, data)
	if err != nil {
		return nil, err
	}
	return &History{
		Title:        fh.Structure,
		Model:        fh.Checker,
		Explain:      fh.Explain,
		Operations:   fh.Operations,
		Clients:      fh.Clients,
		Labels:       fh.Labels,
		Recorded:     string(fh.Verdict),
		Unjudgeable:  fh.Unjudgeable,
		Interleaving: fh.Interleaving,
	}, nil
}
