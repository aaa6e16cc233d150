import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a command as its own process: wall time and peak memory.
struct Sample {
    let seconds: Double
    let maxRSSKiB: Int
    let status: Int32
    let stdout: String
    let stderr: String
}

enum Measure {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Spawns `argv` with both streams to files; reports the child's wall
    /// time, ru_maxrss from wait4, and what it printed.
    static func run(_ argv: [String]) -> Sample {
        let out = NSTemporaryDirectory() + "topoc-bench-\(getpid()).out"
        let err = NSTemporaryDirectory() + "topoc-bench-\(getpid()).err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let cargs = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        guard posix_spawnp(&pid, argv[0], &actions, nil, cargs, environ) == 0 else {
            return Sample(seconds: 0, maxRSSKiB: 0, status: -1, stdout: "", stderr: "cannot start \(argv[0])")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = now() - start
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let errText = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        unlink(out)
        unlink(err)
        return Sample(seconds: seconds, maxRSSKiB: usage.ru_maxrss, status: (status >> 8) & 0xff, stdout: text, stderr: errText)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
