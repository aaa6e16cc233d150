import Foundation
#if canImport(Glibc)
import Glibc
#endif

// TopocBench run [--sizes 1000,10000,100000] [--runs 5] [--topoc PATH] [--work DIR] [--only lint|compile] [--callgrind]
//   generates a fleet spec per size and measures, in rounds (see Rounds), the
//   libyaml parse floor, `topoc lint`, `topoc compile` into a new directory,
//   writing the same output bytes into a new directory, and `topoc compile`
//   over an existing tree; prints the medians side by side with peak memory,
//   then checks the performance goals. --callgrind adds the instruction counts
//   of the floor and of lint at each size. The work directory defaults to
//   /dev/shm when it exists: on ext4 after heavy churn, creating thousands of
//   inodes costs more than everything topoc does, which would swamp both
//   compile and the write-same baseline and make the ratio meaningless.
// TopocBench floor FILE            parse FILE's events with libyaml, nothing else
// TopocBench write-same TREE DEST  write TREE's files again under DEST; prints seconds spent writing
// TopocBench generate N FILE       write the N-host spec

// A row at a time, also into a file or pipe: a full run takes many minutes.
setvbuf(stdout, nil, _IOLBF, 0)
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
    guard let options = RunOptions(Array(args.dropFirst())) else {
        print("usage: TopocBench run [--sizes N,N] [--runs K] [--topoc PATH] [--work DIR] [--only lint|compile] [--callgrind]")
        exit(2)
    }
    exit(Report.run(options, bench: me))
default:
    print("usage: TopocBench run [--sizes N,N] [--runs K] [--topoc PATH] [--work DIR] [--only lint|compile] [--callgrind] | floor FILE | generate N FILE | write-same TREE DEST")
    exit(2)
}
