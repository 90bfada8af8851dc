/// Thrown when Ctrl-C (or another `InterruptSignal`) stopped a running statement or a wait.
public struct Interrupted: UserFacingError, Equatable {
    public init() {}
    public var message: Message { Catalog.interrupted }
    public var code: String? { Self.code }
    /// The code every interruption carries (errors are told apart by code, never by text).
    public static let code = "Interrupted"
}

extension Catalog {
    public static let interrupted = Message(en: "interrupted (Ctrl-C)", ja: "中断しました (Ctrl-C)")
}
