import PanyaSupport

/// A local error that also has the service's words, for a program on the wire (`panya serve`):
/// its `__type` and a message worded as the service words its errors, with no shell commands
/// in it (the shell shows ``UserFacingError/message``, with its hints, to students).
public protocol ServiceWordedError: UserFacingError {
    /// The service's `__type` for this error over the wire.
    var serviceCode: ServiceErrorCode { get }
    /// The text that goes on the wire.
    var serviceMessage: String { get }
}
