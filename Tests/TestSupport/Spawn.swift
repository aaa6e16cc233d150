import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process could not be started at all (as opposed to one that ran
/// and failed, which is a `Subprocess.Result` with its status).
public struct SpawnError: Error, CustomStringConvertible {
    public let description: String
}

/// The one place that starts child processes, for `Subprocess.run` and
/// `Spawned`. posix_spawn rather than Foundation's Process, for three reasons:
/// the streams are files opened in the child only (this process never holds a
/// descriptor a sibling test's child could inherit), waiting is for the child's
/// own id (Process also waits for every holder of its internal pipe, so a
/// daemon a child leaves running could hang the test), and the child gets
/// default signal dispositions and an empty signal mask, whatever the test
/// runner set, so it behaves as it would when started from a shell.
enum Spawn {
    /// Where the standard streams go: paths opened in the child. `stderr` nil
    /// sends standard error to the same place as standard output.
    struct Streams {
        var stdin = "/dev/null"
        var stdout = "/dev/null"
        var stderr: String? = nil
        /// Append to the output files instead of truncating them.
        var append = false
    }

    /// Starts `argv` (argv[0] an absolute path) and returns its process id.
    static func start(_ argv: [String], environment: [String: String], streams: Streams) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let mode = O_WRONLY | O_CREAT | (streams.append ? O_APPEND : O_TRUNC)
        posix_spawn_file_actions_addopen(&actions, 0, streams.stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, streams.stdout, mode, 0o644)
        if let stderr = streams.stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, mode, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
        guard rc == 0 else { throw SpawnError(description: "cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for `pid` to end and returns its exit status, or 128 + the signal
    /// that ended it (as a shell reports it).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return exitStatus(status)
    }

    /// A wait status as a shell's `$?`.
    static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// A long-running child (a fake daemon, an etcd member): started, polled and
/// stopped by its own process id, never by name. Standard input is /dev/null;
/// standard output and error are appended to `log` (or go to /dev/null).
public final class Spawned {
    public let pid: pid_t
    /// Set once the child has been reaped: its status as `Spawn.wait` gives it.
    private var status: Int32?
    private var reaped: Bool { status != nil }

    /// Starts `argv`; argv[0] is looked up on PATH unless it is a path.
    /// `environment` replaces this process's when given.
    public init(_ argv: [String], environment: [String: String]? = nil, log: URL? = nil) throws {
        let environment = environment ?? ProcessInfo.processInfo.environment
        guard let program = argv.first, let path = Subprocess.which(program, path: environment["PATH"]) else {
            throw SpawnError(description: "cannot start \(argv.first ?? "nothing"): not found")
        }
        let log = log?.path ?? "/dev/null"
        pid = try Spawn.start([path] + argv.dropFirst(), environment: environment, streams: Spawn.Streams(stdout: log, append: true))
    }

    /// True while the child has not exited (reaps it if it has).
    public var isRunning: Bool {
        if reaped { return false }
        var raw: Int32 = 0
        if waitpid(pid, &raw, WNOHANG) == pid { status = Spawn.exitStatus(raw); return false }
        return true
    }

    /// Polls `ready` every 20 ms until it holds (true), the child exits or
    /// `timeout` seconds pass (false): for a fake server that announces itself
    /// by writing a file once it listens.
    public func waitUntil(timeout: Double = 10, _ ready: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !ready() {
            guard isRunning, Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    /// Sends SIGTERM, then SIGKILL after `grace` seconds, and reaps the child.
    public func stop(grace: Double = 3) {
        guard !reaped else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning && Date() < deadline { usleep(20_000) }
        if !reaped {
            kill(pid, SIGKILL)
            wait()
        }
    }

    /// Waits for the child to end (however it ends: its own exit, or a signal
    /// the test sent to `pid`) and returns its exit status, or 128 + the signal.
    @discardableResult
    public func wait() -> Int32 {
        if let status { return status }
        let s = Spawn.wait(pid)
        status = s
        return s
    }

    deinit { stop(grace: 0.5) }
}
