import Foundation
#if canImport(Glibc)
import Glibc
#endif

// TopocBench run [--sizes 1000,10000,100000] [--runs 5] [--topoc PATH] [--work DIR] [--only lint|compile]
//   generates a fleet spec per size and prints, side by side, the libyaml parse
//   floor, `topoc lint`, `topoc compile` into a new directory, writing the same
//   output bytes into a new directory, and peak memory; then `topoc compile`
//   over an existing tree; then checks the performance goals. The work directory defaults
//   to /dev/shm when it exists: on ext4 after heavy churn, creating thousands of
//   inodes costs more than everything topoc does, which would swamp both
//   compile and the write-same baseline and make the ratio meaningless.
// TopocBench floor FILE            parse FILE's events with libyaml, nothing else
// TopocBench write-same TREE DEST  write TREE's files again under DEST; prints seconds spent writing
// TopocBench generate N FILE       write the N-host spec

let args = Array(CommandLine.arguments.dropFirst())
let me = CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0]

func readFile(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

switch args.first {
case "floor":
    print(ParseFloor.events(readFile(args[1])))
case "generate":
    try! SpecGenerator.spec(hosts: Int(args[1])!).write(toFile: args[2], atomically: true, encoding: .utf8)
case "write-same":
    // Read the tree first (not timed), then time only the writes: the cost any
    // tool pays to put these bytes in these files.
    let root = args[1], dest = args[2]
    var files: [(String, Data)] = []
    let e = FileManager.default.enumerator(atPath: root)!
    while let rel = e.nextObject() as? String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
            files.append((rel, FileManager.default.contents(atPath: root + "/" + rel)!))
        }
    }
    let start = Measure.now()
    for (rel, data) in files {
        let path = dest + "/" + rel
        let dir = String(path[..<path.lastIndex(of: "/")!])
        mkdir(dir, 0o755) == 0 || errno == EEXIST ? () : { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }()
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        data.withUnsafeBytes { _ = write(fd, $0.baseAddress, data.count) }
        close(fd)
    }
    print(Measure.now() - start)
case "run":
    var sizes = [1_000, 10_000, 100_000]
    var runs = 5
    var topoc = FileManager.default.currentDirectoryPath + "/.build/release/topoc"
    var workParent: String? = nil
    var only: String? = nil
    var i = 1
    while i < args.count {
        switch args[i] {
        case "--sizes": sizes = args[i + 1].split(separator: ",").compactMap { Int($0) }; i += 2
        case "--runs": runs = Int(args[i + 1]) ?? 5; i += 2
        case "--topoc": topoc = args[i + 1]; i += 2
        case "--work": workParent = args[i + 1]; i += 2
        case "--only":
            only = args[i + 1]; i += 2
            guard only == "lint" || only == "compile" else { print("--only takes lint or compile"); exit(2) }
        default: print("unknown argument \(args[i])"); exit(2)
        }
    }
    var shm = ObjCBool(false)
    let parent = workParent
        ?? (FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &shm) && shm.boolValue ? "/dev/shm" : NSTemporaryDirectory())
    let work = (parent.hasSuffix("/") ? parent : parent + "/") + "topoc-bench-\(getpid())"
    try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    print("topoc benchmark: median of \(runs) runs; ratios are to the libyaml parse floor")
    print("work directory: \(work)")
    let skipped = (seconds: Double.nan, maxRSSKiB: 0, status: Int32(0))
    print("hosts     spec MB  floor s   lint s  (x)     compile s  write s  (x floor+write)  lint MiB  compile MiB  files")
    var replaced: [String] = []
    var results: [Int: (floor: Double, lint: Double, compile: Double, write: Double, lintMiB: Double)] = [:]
    for n in sizes {
        let spec = work + "/fleet-\(n).yaml"
        try! SpecGenerator.spec(hosts: n).write(toFile: spec, atomically: true, encoding: .utf8)
        let mb = Double(readFile(spec).count) / 1e6
        let floor = Measure.median(runs) { Measure.run([me, "floor", spec]) }
        let lint = only == "compile" ? skipped : Measure.median(runs) { Measure.run([topoc, "lint", spec]) }
        if lint.status != 0 { print("warning: topoc lint exited \(lint.status) on the \(n)-host spec") }
        let out = work + "/out-\(n)"
        // Each compile writes a tree where none is, as write-same does: the
        // two sides of the ratio do the same file-system work. Replacing an
        // existing tree (deleting the old one's files) is measured apart.
        let compile = only == "lint" ? skipped : Measure.median(runs) {
            try? FileManager.default.removeItem(atPath: out)
            return Measure.run([topoc, "compile", spec, "-o", out])
        }
        let recompile = only == "lint" ? skipped : Measure.median(runs) { Measure.run([topoc, "compile", spec, "-o", out]) }
        let tree = out + "/fleet-\(n)"
        let files = (FileManager.default.enumerator(atPath: tree)?.allObjects.count) ?? 0
        let write = only == "lint" ? skipped : Measure.median(runs) {
            let dest = work + "/same-\(n)"
            try? FileManager.default.removeItem(atPath: dest)
            let s = Measure.run([me, "write-same", tree, dest])
            return Sample(seconds: Double(s.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? s.seconds, maxRSSKiB: s.maxRSSKiB, status: s.status, stdout: "")
        }
        let lintMiB = only == "compile" ? Double.nan : Double(lint.maxRSSKiB) / 1024
        results[n] = (floor.seconds, lint.seconds, compile.seconds, write.seconds, lintMiB)
        replaced.append(String(format: "%-9d %9.3f", n, recompile.seconds))
        print(String(format: "%-9d %7.2f  %7.3f  %7.3f  %5.2f   %9.3f  %7.3f  %6.2f           %8.1f  %11.1f  %5d",
                     n, mb, floor.seconds, lint.seconds, lint.seconds / floor.seconds, compile.seconds, write.seconds,
                     compile.seconds / (floor.seconds + write.seconds), lintMiB, Double(compile.maxRSSKiB) / 1024, files))
    }
    if only != "lint" {
        print("")
        print("compile over an existing tree of the same spec (old tree swapped out, then deleted):")
        print("hosts     compile s")
        replaced.forEach { print($0) }
    }
    print("")
    func goal(_ name: String, _ value: Double?, _ limit: Double, _ unit: String) {
        guard let value, !value.isNaN else { return }
        print(String(format: "%@ %-48@ %8.2f%@ (goal <= %.0f%@)", value <= limit ? "PASS" : "FAIL", name, value, unit, limit, unit))
    }
    goal("lint, 100k hosts / floor", results[100_000].map { $0.lint / $0.floor }, 3, "x")
    goal("compile, 10k hosts / (floor + writing the bytes)", results[10_000].map { $0.compile / ($0.floor + $0.write) }, 2, "x")
    if let a = results[100_000], let b = results[10_000] { goal("lint time 100k / 10k (linear is 10)", a.lint / b.lint, 12, "x") }
    goal("lint peak memory, 100k hosts", results[100_000].map { $0.lintMiB }, 256, " MiB")
default:
    print("usage: TopocBench run [--sizes N,N] [--runs K] [--topoc PATH] [--work DIR] [--only lint|compile] | floor FILE | generate N FILE | write-same TREE DEST")
    exit(2)
}
