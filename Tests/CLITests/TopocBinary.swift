import Foundation
import TestSupport

/// The built `topoc` executable (see Repository.topoc).
func topocBinary() -> String { Repository.topoc }

/// Runs the program from a small python3 process and returns its result with
/// its peak resident memory in KiB (getrusage's ru_maxrss for the children).
/// Linux keeps the peak of the address space a process had before exec, and a
/// child spawned from this (large) test process starts from its parent's: run
/// from python3, the figure is the program's own. python3 is on every machine
/// the tests run on.
func measuredProcess(_ executable: String, _ arguments: [String]) throws -> (result: Subprocess.Result, maxRSSKiB: Int) {
    let dir = try Scratch.directory("rss")
    defer { Scratch.remove(dir) }
    let report = dir.appendingPathComponent("maxrss").path
    let script = """
    import resource, subprocess, sys
    code = subprocess.call(sys.argv[2:])
    open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    sys.exit(code)
    """
    let r = try Subprocess.run(["python3", "-c", script, report, executable] + arguments)
    let rss = Int((try? String(contentsOfFile: report, encoding: .utf8)) ?? "") ?? Int.max
    return (r, rss)
}
