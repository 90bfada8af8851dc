// The Shell module; see docs/architecture.md.
