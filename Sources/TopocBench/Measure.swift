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
}

enum Measure {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Spawns `argv` with stdout to a file and stderr to /dev/null; reports the
    /// child's wall time and ru_maxrss from wait4.
    static func run(_ argv: [String]) -> Sample {
        let out = NSTemporaryDirectory() + "topoc-bench-\(getpid()).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cargs = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        guard posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0 else {
            return Sample(seconds: 0, maxRSSKiB: 0, status: -1, stdout: "")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = now() - start
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        unlink(out)
        return Sample(seconds: seconds, maxRSSKiB: usage.ru_maxrss, status: (status >> 8) & 0xff, stdout: text)
    }

    /// Median time and the largest peak memory over `runs` runs.
    static func median(_ runs: Int, _ make: () -> Sample) -> (seconds: Double, maxRSSKiB: Int, status: Int32) {
        var samples: [Sample] = []
        for _ in 0..<runs { samples.append(make()) }
        let times = samples.map { $0.seconds }.sorted()
        return (times[times.count / 2], samples.map { $0.maxRSSKiB }.max() ?? 0, samples.map { $0.status }.max() ?? 0)
    }
}
