import Session

/// The options a shell starts with: the session's own (the name the command line and a class use).
public typealias ShellOptions = SessionOptions
