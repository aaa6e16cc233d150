import Foundation

/// Running a program to completion from a test, the one way every test target
/// does it. Its standard input, output and error are files in a scratch
/// directory, never pipes: nothing can block on a full pipe, and no state is
/// shared with code running concurrently in this process.
public enum Subprocess {
    /// What a finished program left behind.
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal that ended the program.
        public let status: Int32
        /// Standard output exactly as written (for binary output, or bytes that
        /// must compare exactly).
        public let stdoutData: Data
        /// Standard output as UTF-8 text (invalid bytes replaced).
        public let stdout: String
        public let stderr: String
        /// Both streams, for failure messages.
        public var output: String { stdout + stderr }
    }

    /// Runs `argv` and waits for it.
    /// - Parameters:
    ///   - argv: the program and its arguments; the program is looked up on
    ///     the child's PATH unless it contains a `/`. A program that is not
    ///     found ends with status 127, as in a shell.
    ///   - stdin: the bytes the program reads from standard input.
    ///   - environment: variables added to this process's environment, or the
    ///     whole environment when `replaceEnvironment` is true.
    ///   - directory: the working directory (this process's when nil).
    @discardableResult
    public static func run(_ argv: [String], stdin: Data, environment: [String: String] = [:],
                           replaceEnvironment: Bool = false, in directory: URL? = nil) throws -> Result {
        precondition(!argv.isEmpty, "no program to run")
        let env = replaceEnvironment ? environment : ProcessInfo.processInfo.environment.merging(environment) { $1 }
        guard let program = which(argv[0], path: env["PATH"]) else {
            return Result(status: 127, stdoutData: Data(), stdout: "", stderr: "\(argv[0]): command not found\n")
        }
        var command = [program] + argv.dropFirst()
        if let directory {
            // posix_spawn's chdir action is a GNU extension Swift does not
            // import; a shell changes directory and then becomes the program.
            command = ["/bin/sh", "-c", "cd \"$1\" || exit 127; shift; exec \"$@\"", "sh", directory.path] + command
        }
        let scratch = try Scratch.directory("run")
        defer { Scratch.remove(scratch) }
        let streams = Spawn.Streams(stdin: scratch.appendingPathComponent("in").path,
                                    stdout: scratch.appendingPathComponent("out").path,
                                    stderr: scratch.appendingPathComponent("err").path)
        try stdin.write(to: URL(fileURLWithPath: streams.stdin))
        let status = Spawn.wait(try Spawn.start(command, environment: env, streams: streams))
        let out = (try? Data(contentsOf: URL(fileURLWithPath: streams.stdout))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: streams.stderr!))) ?? Data()
        return Result(status: status, stdoutData: out, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `argv` with `stdin` (UTF-8 text) as its standard input; see
    /// `run(_:stdin:environment:replaceEnvironment:in:)` with bytes.
    @discardableResult
    public static func run(_ argv: [String], stdin: String = "", environment: [String: String] = [:],
                           replaceEnvironment: Bool = false, in directory: URL? = nil) throws -> Result {
        try run(argv, stdin: Data(stdin.utf8), environment: environment, replaceEnvironment: replaceEnvironment, in: directory)
    }

    /// The absolute path of the executable `name` on `path` (a PATH value;
    /// this process's PATH when nil), or `name` itself when it is a path to an
    /// executable; nil when there is none.
    public static func which(_ name: String, path: String? = nil) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let search = path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in search.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// True when `name` is an executable on this process's PATH (or a path to one).
    public static func exists(_ name: String) -> Bool { which(name) != nil }
}
