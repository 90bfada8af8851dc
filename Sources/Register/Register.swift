// The Register module; see docs/architecture.md.
