package models

import "fmt"

// opCodec gives an operation enum its name in reports and in JSON.
type opCodec[T ~uint8] []string

func (names opCodec[T]) name(op T) string {
	if int(op) < len(names) {
		return names[op]
	}
	return fmt.Sprintf("op(%d)", uint8(op))
}

func (names opCodec[T]) parse(text []byte) (T, error) {
	for i, n := range names {
		if n == string(text) {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("unknown operation %q (want one of %v)", text, []string(names))
}
