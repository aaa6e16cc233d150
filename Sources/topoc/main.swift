import Foundation
import TopocCLI

/// The real streams. Output is buffered and written once per call so that large
/// outputs (a 100,000-host graph) do not cost a syscall per line.
final class StandardConsole: Console {
    func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    var isTerminal: Bool { isatty(1) != 0 && isatty(2) != 0 }
    func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}

// A closed pipe (topoc lint | head) must end the process quietly, not crash it.
signal(SIGPIPE, SIG_IGN)
// The process exits right after the command: skip freeing its results.
KeepAlive.untilExit = true
exit(Topoc.run(Array(CommandLine.arguments.dropFirst()), console: StandardConsole()))
