import Foundation

/// Runs a Python script embedded in a test against an input file and returns its
/// standard output. Output goes to a file rather than a pipe so a large answer can
/// never deadlock the child against an unread pipe.
enum PythonRunner {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(script: String, input: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("values-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("oracle.py")
        let inputURL = directory.appendingPathComponent("input.txt")
        let outputURL = directory.appendingPathComponent("output.txt")
        let errorURL = directory.appendingPathComponent("error.txt")
        try Data(script.utf8).write(to: scriptURL)
        try Data(input.utf8).write(to: inputURL)
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path, inputURL.path]
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()

        let stdout = try String(contentsOf: outputURL, encoding: .utf8)
        guard process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            throw Failure(description: "python3 exited with \(process.terminationStatus): \(stderr)")
        }
        return stdout
    }
}
