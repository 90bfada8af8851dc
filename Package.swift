// swift-tools-version:6.1
import PackageDescription

// panya: a thin executable over fat, separately tested libraries.
// Data flows one way: photo → backend → detections → thresholds → register → receipt,
// with the language on top and the store beside (docs/architecture.md).
let package = Package(
    name: "panya",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "panya", targets: ["panya"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", exact: "2.8.1"),
    ],
    targets: [
        // C bridges: one module per C library, variadic or setjmp C in static inline / .c code.
        .target(name: "CPanyaSupport"),
        .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),
        .target(name: "CPNG", linkerSettings: [.linkedLibrary("png16")]),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),

        // Shared plumbing: ja/en catalog, display width, tables, interruption, terminal, QR codes.
        .target(name: "PanyaSupport", dependencies: ["CPanyaSupport", "CQRencode"]),
        // The panya language: lexer, parser, AST, interpreter, values, diagnostics.
        .target(name: "PanyaLanguage", dependencies: [
            "PanyaSupport", .product(name: "OrderedCollections", package: "swift-collections"),
        ], swiftSettings: [
            // The interpreter's variables are class fields read and written millions of times a
            // second; in release their exclusivity is proven by the code's shape, not checked at
            // run time (debug builds and tests keep the checks).
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        // Amazon Rekognition Custom Labels domain: wire types, JSON, ARNs, errors, rules, pricing.
        .target(name: "CustomLabels", dependencies: [
            "PanyaSupport", .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        // Photos: JPEG/PNG decoding and encoding, phone photos turned upright, validation, fingerprints, drawing.
        .target(name: "Photos", dependencies: [
            "CustomLabels", "PanyaSupport", "CJPEG", "CPNG",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The lesson photos' generator: trays of breads drawn deterministically (tests and tools only, not shipped in panya).
        .target(name: "PhotoGenerator", dependencies: ["Photos", "CustomLabels"]),
        // SQLite through GRDB: the database, the one list of migrations, the change stamp, and the clock,
        // model selection and settings shared below every backend (each module owns its own tables).
        .target(name: "PanyaStore", dependencies: [
            "PanyaSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The dataset workbench both backends prepare datasets on: projects, datasets, labels, photos, boxes, manifests, proposals.
        .target(name: "Workbench", dependencies: [
            "CustomLabels", "Photos", "PanyaStore", "BreadVision", "PanyaSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The offline backend: recordings + simulated state and clock, training with panya's engine.
        .target(name: "MockBackend", dependencies: [
            "CustomLabels", "Photos", "PanyaStore", "PanyaSupport", "BreadVision", "Workbench", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The live backend: SigV4, credentials, HTTP, retries, recorder.
        .target(name: "AWSBackend", dependencies: [
            "CustomLabels", "Photos", "PanyaSupport", "CCurl",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The offline engine: segmentation of a tray into breads, features, the classifier (pure, no store).
        .target(name: "BreadVision", dependencies: ["Photos", "CustomLabels", "PanyaSupport"]),
        // EventBridge Scheduler expressions, time zones, the scheduler's IAM policy check, and the schedules' own tables.
        .target(name: "Schedules", dependencies: [
            "CustomLabels", "PanyaStore", "PanyaSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The register: prices, line items, tax, receipts.
        .target(name: "Register", dependencies: [
            "CustomLabels", "PanyaStore", "PanyaSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Lessons: the runner and the checker.
        .target(name: "Lessons", dependencies: [
            "PanyaLanguage", "PanyaStore", "PanyaSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // A student's session without a terminal: backend, model in use, register, clock, schedules.
        .target(name: "Session", dependencies: [
            "CustomLabels", "Photos", "PanyaStore", "MockBackend", "AWSBackend", "Register", "PanyaSupport", "Schedules", "Workbench",
        ]),
        // The shell: libedit REPL and the command table binding the language to everything.
        .target(name: "Shell", dependencies: [
            "Session", "PanyaLanguage", "CustomLabels", "Photos", "PanyaStore", "MockBackend", "AWSBackend",
            "Register", "Lessons", "PanyaSupport", "CEditLine", "Schedules",
        ]),
        // `panya serve`: Rekognition's JSON 1.1 and an S3 subset over the same backend (Hummingbird).
        .target(name: "PanyaServer", dependencies: [
            "Session", "CustomLabels", "MockBackend", "AWSBackend", "PanyaStore", "Photos", "PanyaSupport", "Workbench",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // `panya class`: the register screen, the shell over WebSocket and the teacher's view for a
        // whole class, each student in a sandbox with a database of their own (Hummingbird).
        .target(name: "PanyaClass", dependencies: [
            "Session", "Shell", "CustomLabels", "Photos", "PanyaStore", "PanyaSupport", "PanyaLanguage", "Register", "Lessons",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "panya", dependencies: [
            "Session", "Shell", "PanyaServer", "PanyaClass", "CustomLabels", "PanyaSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // A release binary starts in a few milliseconds, so the loader's share counts: linked
            // at a fixed address it needs no run-time relocation of its 120,000 metadata pointers
            // (each one a copy-on-write page fault), and it exports no symbols it does not need.
            .unsafeFlags(["-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(configuration: .release)),
        ]),

        // Test-only helpers every test target shares: temporary folders, the repository root, output capture.
        .target(name: "PanyaTestSupport", path: "Tests/PanyaTestSupport"),

        .testTarget(name: "PanyaSupportTests", dependencies: ["PanyaSupport", "PanyaTestSupport"]),
        .testTarget(name: "PanyaLanguageTests", dependencies: ["PanyaLanguage", "PanyaSupport", "PanyaTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "CustomLabelsTests", dependencies: ["CustomLabels", "PanyaSupport"]),
        .testTarget(name: "PhotosTests", dependencies: ["Photos", "PhotoGenerator", "CustomLabels", "PanyaSupport", "PanyaTestSupport"]),
        // The whole-file tests (damaged rows, byte flips) fill and read every feature's tables: the register's, lessons', schedules', the workbench's and the simulator's too.
        .testTarget(name: "PanyaStoreTests", dependencies: [
            "PanyaStore", "Register", "Lessons", "Schedules", "Workbench", "MockBackend", "CustomLabels", "PanyaSupport", "PanyaTestSupport",
        ]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "CustomLabels", "Photos", "PanyaStore", "PanyaSupport", "PanyaTestSupport"]),
        .testTarget(name: "MockBackendTests", dependencies: ["MockBackend", "Workbench", "CustomLabels", "Photos", "PanyaStore", "PanyaSupport", "PanyaTestSupport"]),
        .testTarget(name: "AWSBackendTests", dependencies: ["AWSBackend", "CCurl", "CustomLabels", "Photos", "MockBackend", "Workbench", "PanyaStore", "PanyaSupport", "PanyaTestSupport"],
                    exclude: ["sigv4-test-suite"]),
        .testTarget(name: "BreadVisionTests", dependencies: ["BreadVision", "Photos", "PhotoGenerator", "CustomLabels", "PanyaSupport", "PanyaTestSupport"]),
        .testTarget(name: "SchedulesTests", dependencies: [
            "Schedules", "CustomLabels", "PanyaStore", "PanyaSupport", "PanyaTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RegisterTests", dependencies: [
            "Register", "CustomLabels", "PanyaStore", "PanyaSupport", "PanyaTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["kill9-checkout.sh", "two-shells.sh"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "PanyaLanguage", "PanyaStore", "PanyaSupport", "PanyaTestSupport"]),
        .testTarget(name: "PanyaServerTests", dependencies: [
            "PanyaServer", "CustomLabels", "MockBackend", "AWSBackend", "PanyaStore", "PanyaSupport", "PanyaTestSupport", "Schedules", "Workbench",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "PanyaClassTests", dependencies: [
            "PanyaClass", "Session", "Shell", "PanyaStore", "PanyaSupport", "PanyaTestSupport", "Photos",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "SessionTests", dependencies: ["Session", "MockBackend", "AWSBackend", "Workbench", "Register", "CustomLabels", "PanyaStore", "PanyaSupport", "Schedules", "PanyaTestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Session", "Shell", "Lessons", "PanyaLanguage", "CustomLabels", "PanyaSupport", "Schedules", "PanyaTestSupport"], exclude: ["Tmux", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
