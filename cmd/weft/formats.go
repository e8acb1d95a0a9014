package main

// The history formats that the commands read (internal/history) besides
// those of package history itself: each registers from init.
import _ "github.com/weftlab/weft/internal/history/weftfile"
