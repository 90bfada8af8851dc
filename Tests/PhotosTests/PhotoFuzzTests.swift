import Foundation
import Testing
@testable import Photos

/// Seeded random mutations of the shipped small photos through the decoders: no crash, no hang,
/// every failure a `PhotoError` with the service's code and the file's name, and the 1/8
/// validation agreeing with the full decode. `PANYA_FUZZ_ITERATIONS` sets the mutants per
/// format (default 1500; bench/detect/README.md describes longer runs).
@Suite struct PhotoFuzzTests {
    static let iterations: Int = {
        let text = ProcessInfo.processInfo.environment["PANYA_FUZZ_ITERATIONS"] ?? ""
        return Int(text).map { max(1, $0) } ?? 1500
    }()

    /// The shipped 640×480 test photo, and a PNG made from it at 1/4 (160×120).
    static func seeds() throws -> [(name: String, bytes: [UInt8])] {
        let jpeg = try TestSupport.lessonBytes("test/anpan.jpg")
        let png = try Photo.decode(bytes: jpeg, name: "anpan.jpg", maxSide: 160).encodePNG()
        return [("anpan.jpg", jpeg), ("anpan.png", png)]
    }

    @Test func mutatedPhotosFailOnlyWithPhotoErrors() throws {
        var random = SplitMix64(seed: 20_261_201)
        var tally = FuzzTally()
        for (name, seed) in try Self.seeds() {
            for round in 0..<Self.iterations {
                let bytes = Self.mutate(seed, &random)
                let full = round % 8 == 0
                let decoded = Self.attempt(name) { try Photo.decode(bytes: bytes, name: name, maxSide: full ? nil : 1) }
                tally.count(decoded)
                if case .foreign(let text) = decoded { Issue.record("\(name) #\(round): not a PhotoError: \(text)") }
                if case .failed(let error) = decoded {
                    #expect(error.code == "InvalidImageFormatException" || error.code == "InvalidParameterException", "\(name) #\(round): \(error)")
                    #expect(error.message.en.contains(name), "\(error)")
                }
                if full {
                    let validated = Self.attempt(name) { try Photo.validate(bytes: bytes, name: name) }
                    #expect(validated.code == decoded.code, "\(name) #\(round): validate \(validated) but decode \(decoded)")
                }
            }
        }
        // The mutations reach past the header: some decode, most are refused.
        #expect(tally.decoded > 0 && tally.failed > 0)
        print("photo fuzz: \(tally.decoded + tally.failed) mutants (\(Self.iterations) per format), \(tally.decoded) decoded, \(tally.failed) refused")
    }

    enum Outcome: CustomStringConvertible {
        case decoded
        case failed(PhotoError)
        /// Anything but a PhotoError: always a test failure.
        case foreign(String)

        var code: String? {
            switch self {
            case .decoded: return nil
            case .failed(let error): return error.code ?? "local"
            case .foreign(let text): return "foreign: " + text
            }
        }

        var description: String { code ?? "decoded" }
    }

    struct FuzzTally {
        var decoded = 0, failed = 0
        mutating func count(_ outcome: Outcome) {
            if case .decoded = outcome { decoded += 1 } else { failed += 1 }
        }
    }

    static func attempt(_ name: String, _ body: () throws -> Any) -> Outcome {
        do {
            _ = try body()
            return .decoded
        } catch let error as PhotoError {
            return .failed(error)
        } catch {
            return .foreign(String(describing: error))
        }
    }

    /// One to four edits: overwrite bytes, flip bits, cut the tail, insert or delete a run,
    /// repeat a run, zero a run. The signature is kept half of the time, so the decoders are reached.
    static func mutate(_ seed: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        let keepSignature = random.integer(0...1) == 0
        let low = keepSignature ? 8 : 0
        for _ in 0..<random.integer(1...4) {
            guard bytes.count > low + 2 else { break }
            let at = random.integer(low...(bytes.count - 1))
            let run = random.integer(1...min(64, bytes.count - at))
            switch random.integer(0...6) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes[at] ^= UInt8(1) << UInt8(random.integer(0...7))
            case 2: bytes.removeSubrange(at...)
            case 3: bytes.insert(contentsOf: (0..<run).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: at)
            case 4: bytes.removeSubrange(at..<(at + run))
            case 5: bytes.insert(contentsOf: Array(bytes[at..<(at + run)]), at: at)
            default: bytes.replaceSubrange(at..<(at + run), with: [UInt8](repeating: 0, count: run))
            }
        }
        return bytes
    }
}
