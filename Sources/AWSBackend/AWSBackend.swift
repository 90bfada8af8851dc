// The AWSBackend module; see docs/architecture.md.
