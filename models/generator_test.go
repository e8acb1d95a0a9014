package models_test

import (
	"testing"

	"github.com/weftlab/weft/models"
)

func TestGenerator_Steps(t *testing.T) {
	next := models.GeneratorInput{Op: models.GeneratorNext}
	stop := models.GeneratorInput{Op: models.GeneratorStop}
	type st = models.GeneratorState
	value := func(v int) models.GeneratorOutput { return models.GeneratorOutput{Value: v, OK: true} }
	none := models.GeneratorOutput{}
	checkSteps(t, models.Generator(3), []step[st, models.GeneratorInput, models.GeneratorOutput]{
		{"next returns the next value", st{Next: 2}, next, value(2), true, st{Next: 3}},
		{"a value is not given twice", st{Next: 2}, next, value(1), false, st{}},
		{"no value is skipped", st{Next: 1}, next, value(2), false, st{}},
		{"the last value", st{Next: 3}, next, value(3), true, st{Next: 4}},
		{"exhausted: 0 and false", st{Next: 4}, next, none, true, st{Next: 4}},
		{"exhausted: no value past the end", st{Next: 4}, next, value(4), false, st{}},
		{"a value while values remain is not false", st{Next: 2}, next, none, false, st{}},
		{"stop ends it", st{Next: 2}, stop, none, true, st{Next: 2, Stopped: true}},
		{"after stop: 0 and false", st{Next: 2, Stopped: true}, next, none, true, st{Next: 2, Stopped: true}},
		{"after stop: no value", st{Next: 2, Stopped: true}, next, value(2), false, st{}},
		{"stop again", st{Next: 2, Stopped: true}, stop, none, true, st{Next: 2, Stopped: true}},
	})
}
