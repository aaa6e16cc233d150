import Foundation

/// Scratch directories under the system temporary directory, one per use;
/// the test that makes one removes it (in a `defer`).
public enum Scratch {
    /// A new, empty directory whose name tells what it is for.
    public static func directory(_ purpose: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-\(purpose)-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `url`, creating its directory. An executable is put in
    /// place by a child process (`cat` and `chmod`), so this multi-threaded test
    /// process never holds a write descriptor of it: a sibling test's child
    /// started meanwhile would inherit that descriptor, and running the file
    /// would fail with "Text file busy" (ETXTBSY) for as long as it lives.
    public static func write(_ bytes: [UInt8], to url: URL, executable: Bool = false) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard executable else {
            try Data(bytes).write(to: url)
            return
        }
        let r = try Subprocess.run(["/bin/sh", "-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh", url.path], stdin: Data(bytes))
        guard r.status == 0 else { throw SpawnError(description: "cannot write \(url.path): \(r.stderr)") }
    }

    public static func write(_ text: String, to url: URL, executable: Bool = false) throws {
        try write(Array(text.utf8), to: url, executable: executable)
    }
}
