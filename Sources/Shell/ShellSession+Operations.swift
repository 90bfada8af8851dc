/// The session gives the operations families its store and backend.
extension ShellSession: OperationsAccess {}
