// The Lessons module; see docs/architecture.md.
