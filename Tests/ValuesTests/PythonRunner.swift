import Foundation
import TestSupport

/// Runs a Python script embedded in a test against an input file and returns its
/// standard output (through TestSupport's runner, so a large answer goes to a
/// file and can never deadlock the child against an unread pipe).
enum PythonRunner {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(script: String, input: String) throws -> String {
        let directory = try Scratch.directory("values")
        defer { Scratch.remove(directory) }
        let scriptURL = directory.appendingPathComponent("oracle.py")
        let inputURL = directory.appendingPathComponent("input.txt")
        try Scratch.write(script, to: scriptURL)
        try Scratch.write(input, to: inputURL)
        let result = try Subprocess.run(["python3", scriptURL.path, inputURL.path])
        guard result.status == 0 else {
            throw Failure(description: "python3 exited with \(result.status): \(result.stderr)")
        }
        return result.stdout
    }
}
