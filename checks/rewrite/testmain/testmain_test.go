package testmain

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCallerPackage_IsTheImportPathOfTheCallersPackage(t *testing.T) {
	assert.Equal(t, "github.com/weftlab/weft/checks/rewrite/testmain", callerPackage(1))
	func() {
		assert.Equal(t, "github.com/weftlab/weft/checks/rewrite/testmain", callerPackage(1), "a closure's package is its function's")
	}()
}
