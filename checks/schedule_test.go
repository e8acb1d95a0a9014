package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestSchedule_EncodeDecodeRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ds := rapid.SliceOf(rapid.IntRange(0, 12)).Draw(t, "decisions")
		got, err := decodeSchedule(encodeSchedule(ds))
		require.NoError(t, err)
		if len(ds) == 0 {
			require.Empty(t, got)
			return
		}
		require.Equal(t, ds, got)
	})
}

func TestSchedule_IsCompact(t *testing.T) {
	assert.Equal(t, "1*3.0.2*2", encodeSchedule([]int{1, 1, 1, 0, 2, 2}))
}

func TestSchedule_BadEncodingsAreNamed(t *testing.T) {
	for in, want := range map[string]string{
		"1.x":   `"x" is not a decision`,
		"1*0":   `"0" is not a repeat count`,
		"-1":    `"-1" is not a decision`,
		"2*1e9": `"1e9" is not a repeat count`,
	} {
		_, err := decodeSchedule(in)
		if assert.Error(t, err, in) {
			assert.Contains(t, err.Error(), want)
		}
	}
}
