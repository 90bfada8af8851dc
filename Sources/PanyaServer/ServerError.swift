import PanyaSupport

/// Why `panya serve` could not start: a key file it cannot use, an address it cannot bind,
/// a database or recordings folder it cannot open.
public enum ServerError: UserFacingError, Equatable, CustomStringConvertible {
    /// `--keys FILE` cannot be read.
    case unreadableKeys(file: String)
    /// A line of the key file is not `ACCESS_KEY_ID SECRET`.
    case badKeyLine(file: String, line: Int)
    /// The key file holds no key.
    case noKeys(file: String)
    /// `--keys` without `--auth`.
    case keysWithoutAuth
    /// `--clock` other than real or simulated.
    case badClock(String)
    /// `--port` outside 0–65535.
    case badPort(Int)
    /// `--header-timeout` / `--idle-timeout` not a positive number of seconds.
    case badTimeout(option: String, seconds: Double)
    /// `--region` that is not a region name.
    case badRegion(String)
    /// The address could not be bound (in use, not local …).
    case cannotBind(host: String, port: Int, reason: String)
    /// The backend could not be opened (recordings, database).
    case backendUnavailable(Message)

    public var code: String? {
        switch self {
        case .unreadableKeys: return "UnreadableKeys"
        case .badKeyLine: return "BadKeyLine"
        case .noKeys: return "NoKeys"
        case .keysWithoutAuth: return "KeysWithoutAuth"
        case .badClock: return "BadClock"
        case .badPort: return "BadPort"
        case .badTimeout: return "BadTimeout"
        case .badRegion: return "BadRegion"
        case .cannotBind: return "CannotBind"
        case .backendUnavailable: return "BackendUnavailable"
        }
    }

    public var message: Message {
        switch self {
        case .unreadableKeys(let file): return Catalog.serveUnreadableKeys(file: file)
        case .badKeyLine(let file, let line): return Catalog.serveBadKeyLine(file: file, line: line)
        case .noKeys(let file): return Catalog.serveNoKeys(file: file)
        case .keysWithoutAuth: return Catalog.serveKeysWithoutAuth
        case .badClock(let value): return Catalog.serveBadClock(value)
        case .badPort(let port): return Catalog.serveBadPort(port)
        case .badTimeout(let option, let seconds): return Catalog.serveBadTimeout(option: option, seconds: seconds)
        case .badRegion(let region): return Catalog.serveBadRegion(region)
        case .cannotBind(let host, let port, let reason): return Catalog.serveCannotBind(host: host, port: port, reason: reason)
        case .backendUnavailable(let reason): return Catalog.serveBackendUnavailable(reason)
        }
    }

    public var description: String { message.en }
}
