import Foundation

/// The checkout the tests were built from, found from this file's path, so
/// tests read Specs/, Outputs/, docs/ and scripts/ wherever it lives.
public enum Repository {
    /// Tests/TestSupport/Repository.swift, three levels down.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or directory of the checkout, by its path relative to the root.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// A text file of the checkout (a spec, a document), as UTF-8.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// The built `topoc` executable, for tests that run it as its own process
    /// (exit status, memory, signals, scripts that call it). scripts/test
    /// builds it before testing.
    public static var topoc: String {
        let candidates = [".build/debug/topoc", ".build/x86_64-unknown-linux-gnu/debug/topoc", ".build/release/topoc"]
        return candidates.map { url($0).path }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? url(candidates[0]).path
    }
}
