// The Photos module; see docs/architecture.md.
