// The PanyaStore module; see docs/architecture.md.
