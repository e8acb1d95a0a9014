module github.com/weftlab/weft

go 1.26.0

require (
	github.com/anishathalye/porcupine v1.3.1
	github.com/petermattis/goid v0.0.0-20250813065127-a731cc31b4fe
	github.com/sasha-s/go-deadlock v0.3.9
	github.com/stretchr/testify v1.12.1
	go.uber.org/goleak v1.3.0
	golang.org/x/mod v0.42.0
	golang.org/x/sync v0.24.0
	golang.org/x/tools v0.52.0
	pgregory.net/rapid v1.3.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
