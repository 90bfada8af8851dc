import GRDB

/// The simulated clock in panya's database (`mockClock`): one time shared by the simulator, the
/// schedules' fires and the session, which each move it inside their own transactions. Every
/// call reads or writes the database, so two shells share it.
public final class SimulatedClockStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// The simulated time as stored (ISO 8601 with offset), or nil before the first use.
    public func clock() throws -> String? {
        try database.read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT now FROM mockClock WHERE id = 1")) }
    }

    /// Stores the simulated time (ISO 8601 with offset).
    /// - Throws: ``ClockRangeError`` for a time outside ``clockYears``.
    public func setClock(_ iso8601: String) throws {
        try Self.checkInRange(iso8601)
        try database.write { db in try Self.storeClock(db, iso8601) }
    }

    /// Stores the time unless one is stored already; returns the stored one.
    public func initializeClock(_ iso8601: String) throws -> String {
        try database.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO mockClock (id, now) VALUES (1, ?)", arguments: [iso8601])
            return try Self.storedClock(db) ?? iso8601
        }
    }

    /// Reads the clock (or `initial` before the first use), changes it and stores the result in one
    /// immediate transaction, so two shells advancing one database never lose a step; returns the new time.
    /// - Throws: ``ClockRangeError`` when `change` leaves ``clockYears``, or what `change` throws.
    @discardableResult
    public func updateClock(initial: String, _ change: (String) throws -> String) throws -> String {
        try database.write { db in
            let now = try Self.storedClock(db) ?? initial
            let next = try change(now)
            try Self.checkInRange(next)
            try Self.storeClock(db, next)
            return next
        }
    }

    /// The years the simulated clock may show (UTC or its own offset): 2000 to 2099. A lesson's
    /// story happens in the 2020s; the bound keeps every span the bill multiplies small and every
    /// date printable.
    public static let clockYears = 2000...2099

    /// Throws ``ClockRangeError`` unless `iso8601` starts with a four-digit year in ``clockYears``.
    public static func checkInRange(_ iso8601: String) throws(ClockRangeError) {
        let digits = iso8601.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let rest = iso8601.utf8.dropFirst(digits.count)
        guard digits.count == 4, rest.first == UInt8(ascii: "-"),
              let year = Int(String(decoding: digits, as: UTF8.self)), clockYears.contains(year) else {
            throw ClockRangeError(requested: iso8601, years: clockYears)
        }
    }

    /// The clock as stored, read inside the caller's transaction (nil before the first use).
    package static func storedClock(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT now FROM mockClock WHERE id = 1")
    }

    /// Writes `iso8601` as the clock inside the caller's transaction (checked with ``checkInRange(_:)`` first).
    package static func storeClock(_ db: Database, _ iso8601: String) throws {
        try db.execute(sql: "INSERT INTO mockClock (id, now) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET now = excluded.now",
                       arguments: [iso8601])
    }

    /// Forgets the clock inside the caller's transaction (the next use starts it again).
    package static func forgetClock(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM mockClock")
    }
}
