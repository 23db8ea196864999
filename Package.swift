// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "journal",
    products: [
        .executable(name: "journal", targets: ["journal-cli"]),
        .library(name: "Journal", targets: ["Journal"]),
        .library(name: "Age", targets: ["Age"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
        // age encryption of backups and exports: X25519, ChaCha20-Poly1305, HKDF, HMAC (Crypto), scrypt (CryptoExtras).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.0"),
    ],
    targets: [
        // The age file format (C2SP age v1), on its own: swift-crypto only, its own errors (AgeError).
        .target(
            name: "Age",
            dependencies: [
                // The age format's primitives, from BoringSSL: never our own cryptography.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Journal",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API itself, for reading export rows column by column.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // The HTML report, escaped by construction.
                .product(name: "Plot", package: "Plot"),
                // Encrypted inputs (InputSource) and the one mapping of AgeError to JournalError.
                "Age",
                // Sync (issue #28): the hybrid logical clock and UUIDv7 ids of the store's writes.
                "JournalSync",
                // The sync folder's sealed files (journal sync).
                "SyncFormat",
            ],
            resources: [.embedInCode("Storage/schema.sql")]
        ),
        .executableTarget(
            name: "journal-cli",
            dependencies: [
                "Journal",
                "Age",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // SQLite's session extension (changesets): Debian's libsqlite3 has it compiled in, but sqlite3.h
        // declares it only under SQLITE_ENABLE_SESSION, which this module's header defines first.
        .systemLibrary(name: "CSQLiteSession", providers: [.apt(["libsqlite3-dev"])]),
        // The foundations of sync (issue #28): changesets recorded and applied through GRDB's connection.
        .target(
            name: "JournalSync",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "CSQLiteSession", "SyncFormat"]
        ),
        // The sync folder's file format: age-sealed, padded, chained files, on their own (SyncFileError).
        .target(
            name: "SyncFormat",
            dependencies: ["Age", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // What every test target shares: seeded random numbers (SplitMix) and temporary folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "TestSupport"]),
        .testTarget(
            name: "JournalSyncTests",
            dependencies: ["JournalSync", "SyncFormat", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The C2SP age test vectors (Tests/AgeTests/testdata), some zlib-compressed: zlib inflates them.
        .systemLibrary(name: "CZlib", path: "Tests/CZlib"),
        .testTarget(
            name: "AgeTests",
            dependencies: ["Age", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["testdata"]
        ),
        // The sync format's vectors (Tests/SyncFormatTests/testdata), read in every run.
        .testTarget(name: "SyncFormatTests", dependencies: ["SyncFormat", "Age"], exclude: ["testdata"]),
        .testTarget(name: "CLITests", dependencies: ["journal-cli", "Journal", "Age", "TestSupport"]),
    ]
)
