// The MockBackend module; see docs/architecture.md.
