// The PanyaLanguage module; see docs/architecture.md.
