import PanyaSupport

/// A simulated time outside the years the clock may show (`clock set 9999-12-31T23:59:59Z`, or an
/// advance that would pass the end): names the range and the time asked for.
public struct ClockRangeError: UserFacingError, Equatable, CustomStringConvertible {
    /// The time as it would have been stored (ISO 8601).
    public var requested: String
    /// The years allowed (``SimulatedClockStore/clockYears``).
    public var years: ClosedRange<Int>

    public init(requested: String, years: ClosedRange<Int>) {
        self.requested = requested
        self.years = years
    }

    public var code: String? { "ClockOutOfRange" }
    public var message: Message { Catalog.clockOutOfRange(requested, years: years) }
    public var description: String { message.en }
}
