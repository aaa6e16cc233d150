import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `topoc` executable, for tests that must run it as its own process
/// (exit status, memory, signals). scripts/test builds it before testing.
func topocBinary() -> String {
    let candidates = [".build/debug/topoc", ".build/x86_64-unknown-linux-gnu/debug/topoc", ".build/release/topoc"]
    for c in candidates {
        let path = repositoryRoot.appendingPathComponent(c).path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/topoc").path
}

struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
    /// Peak resident memory of the child, in KiB (getrusage's ru_maxrss).
    /// Linux keeps the peak of the address space a process had before exec, and
    /// posix_spawn's child shares its parent's: use `measuredProcess` for a
    /// figure that is the program's own.
    let maxRSSKiB: Int
}

/// Runs the program from a small python3 process, so that its peak memory is
/// its own and not inherited from this (large) test process; python3 is on
/// every machine the tests run on.
func measuredProcess(_ executable: String, _ arguments: [String]) -> ProcessResult {
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-rss-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: report) }
    let script = """
    import resource, subprocess, sys
    code = subprocess.call(sys.argv[2:])
    open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    sys.exit(code)
    """
    let r = runProcess("/usr/bin/env", ["python3", "-c", script, report, executable] + arguments)
    let rss = Int((try? String(contentsOfFile: report, encoding: .utf8)) ?? "") ?? Int.max
    return ProcessResult(status: r.status, stdout: r.stdout, stderr: r.stderr, maxRSSKiB: rss)
}

/// Runs a program with posix_spawn and wait4, capturing both streams through
/// files and the child's peak memory, which Foundation's Process cannot report.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil) -> ProcessResult {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-proc-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let outPath = dir.appendingPathComponent("out").path
    let errPath = dir.appendingPathComponent("err").path
    let inPath = dir.appendingPathComponent("in").path
    FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { env.forEach { free($0) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, executable, &actions, nil, argv, env)
    guard rc == 0 else { return ProcessResult(status: -1, stdout: "", stderr: "spawn failed: \(rc)", maxRSSKiB: 0) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return ProcessResult(status: exitStatus, stdout: out, stderr: err, maxRSSKiB: usage.ru_maxrss)
}
