// Command repro replays a failure from its history file: it runs, from the
// module root, the go test command that the failure's report printed.
//
// Usage:
//
//	go run ./checks/internal/cmd/repro histories/out/FILE.json [go test flags]
//
// `make repro FILE=histories/out/FILE.json` does the same.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"

	_ "github.com/weftlab/weft/checks" // it provides tools.ReplayCommand
	"github.com/weftlab/weft/internal/tools"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: repro HISTORY.json [go test flags]")
		os.Exit(2)
	}
	cmd, err := tools.ReplayCommand(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "repro: %v\n", err)
		os.Exit(1)
	}
	for _, extra := range os.Args[2:] {
		cmd += " " + extra
	}
	fmt.Println(cmd)
	run := exec.Command("sh", "-c", cmd)
	run.Stdout, run.Stderr = os.Stdout, os.Stderr
	if err := run.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			os.Exit(exit.ExitCode())
		}
		fmt.Fprintf(os.Stderr, "repro: %v\n", err)
		os.Exit(1)
	}
}
