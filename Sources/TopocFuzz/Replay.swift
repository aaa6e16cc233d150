#if !FUZZING
import Foundation

/// Without FUZZING the executable replays inputs: `TopocFuzz TARGET FILE...`
/// runs the target on each file, so CI builds the targets and a crasher found
/// by libFuzzer reproduces under a debugger or a normal build.
@main
struct Replay {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let target: FuzzTarget
        if let first = arguments.first, let named = FuzzTarget(rawValue: first) {
            target = named
            arguments.removeFirst()
        } else if let named = FuzzTarget.fromEnvironment {
            target = named
        } else {
            usage()
        }
        if arguments.isEmpty { usage() }
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                fputs("TopocFuzz: cannot read '\(path)'\n", stderr)
                exit(2)
            }
            target.run([UInt8](data))
            print("ok \(target.rawValue) \(path)")
        }
    }

    static func usage() -> Never {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        fputs("usage: TopocFuzz \(names) FILE...  (or TOPOC_FUZZ_TARGET=\(names) TopocFuzz FILE...)\n", stderr)
        exit(2)
    }
}
#endif
