package etcd4

import "testing"

// TestEtcd4 does not compile: a project outside the four must never be
// loaded, and the driver's test fails if it is.
func TestEtcd4(t *testing.T) { undefined() }
