package checks

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func lookupFlag(t *testing.T, name string) string {
	t.Helper()
	f := flag.Lookup(name)
	require.NotNil(t, f, name)
	return f.Value.String()
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "history.json")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestReadHistoryFile_RejectsWhatIsNotOne(t *testing.T) {
	cases := map[string]struct{ content, want string }{
		"not JSON":        {"{not json", "is not a weft history file"},
		"unknown field":   {`{"weftHistoryFormat":1,"colour":"red"}`, `unknown field "colour"`},
		"other format":    {`{"weftHistoryFormat":7,"structure":"s","scenario":{"clients":[[]]}}`, "has history format 7; this weft reads format 1"},
		"no structure":    {`{"weftHistoryFormat":1,"scenario":{"clients":[[]]}}`, "names no structure"},
		"no calls":        {`{"weftHistoryFormat":1,"structure":"s","scenario":{"clients":[[]]}}`, "has no calls"},
		"missing history": {"", "is not a weft history file"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := readHistoryFile(writeFile(t, tc.content))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := readHistoryFile(filepath.Join(t.TempDir(), "absent.json"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestScenarioFrom_NamesEachBadCall(t *testing.T) {
	tg := counterTarget(t)
	sc, err := tg.scenarioFrom(fileScenario{
		Init:    []fileCall{{Op: "inc", Input: []byte(`{"op":"inc","key":"a"}`)}},
		Clients: [][]fileCall{{{Op: "get", Input: []byte(`{"op":"get"}`)}}, {{Op: "inc", Input: []byte(`{}`)}}},
	})
	require.NoError(t, err)
	assert.Equal(t, 3, sc.size())

	_, err = tg.scenarioFrom(fileScenario{Clients: [][]fileCall{{
		{Op: "jump", Input: []byte(`{}`)},
		{Op: "get", Input: []byte(`{"op":"fly"}`)},
	}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `client 0 call 1: structure "counter" has no op "jump"`)
	assert.Contains(t, err.Error(), `client 0 call 2 (get): bad input`)
}

func TestModuleRoot_FindsGoMod(t *testing.T) {
	root, pkg := moduleRoot()
	assert.FileExists(t, filepath.Join(root, "go.mod"))
	assert.Equal(t, "./checks", pkg)
	assert.Equal(t, "histories/out/x.json", relToRoot(filepath.Join(root, "histories", "out", "x.json")))
	assert.Equal(t, "/elsewhere/x.json", relToRoot("/elsewhere/x.json"))
}

// A shrunk scenario can keep only its post calls: rapid may shrink the
// parallel part away when the bug shows after it (a leak, say).
func TestReadHistoryFile_AcceptsAScenarioWithOnlyPostCalls(t *testing.T) {
	hf, err := readHistoryFile(writeFile(t, `{"weftHistoryFormat":1,"structure":"s","model":"m","scenario":{"init":[],"clients":null,"post":[{"op":"timeout","input":{}}]}}`))
	require.NoError(t, err)
	assert.Len(t, hf.Scenario.Post, 1)
}

// A person editing a history file needs the place of a JSON error, not
// its byte offset.
func TestReadHistoryFile_GivesTheLineOfAJSONError(t *testing.T) {
	cases := map[string]struct{ content, want string }{
		"syntax":    {"{\n  \"weftHistoryFormat\": 1,\n  \"test\": x\n}", ":3:12 is not a weft history file: invalid character 'x'"},
		"type":      {"{\n  \"weftHistoryFormat\": \"one\"\n}", ":2:29 is not a weft history file: json: cannot unmarshal string"},
		"truncated": {"{\n  \"weftHistoryFormat\": 1,\n", ":3:1 is not a weft history file: unexpected EOF"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := parseHistoryFile("h.json", []byte(tc.content))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "h.json"+tc.want)
		})
	}
}
