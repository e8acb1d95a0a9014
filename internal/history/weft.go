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
// the calls. Only the catalog's structures are known here; a history of a
// structure of another module is judged by checks.Verify in that module.
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

func readWeft(name string, data []byte) (*History, error) {
	structure, err := checks.HistoryStructure(name, data)
	if err != nil {
		return nil, err
	}
	target, ok := structures()[structure]
	if !ok {
		return nil, fmt.Errorf("%s: structure %q is not in weft's catalog; judge its history with checks.Verify in a test of its own module",
			name, structure)
	}
	fh, err := checks.HistoryOf(target, name, data)
	if err != nil {
		return nil, err
	}
	return &History{
		Title:       fh.Structure,
		Model:       fh.Checker,
		Explain:     fh.Explain,
		Operations:  fh.Operations,
		Clients:     fh.Clients,
		Recorded:    string(fh.Verdict),
		Unjudgeable: fh.Unjudgeable,
	}, nil
}
