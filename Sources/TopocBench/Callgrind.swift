import Foundation

/// Instruction counts under valgrind's callgrind: the same for the same
/// binary and input whatever else the machine is doing, so a ratio of two of
/// them is free of the noise that moves wall time on a shared machine.
enum Callgrind {
    /// Instructions `argv` executed, or nil when valgrind is missing or failed.
    static func instructions(_ argv: [String]) -> Int? {
        let s = Measure.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv)
        guard s.status == 0 else { return nil }
        // "==123== Collected : 4578626919"
        for line in s.stderr.split(separator: "\n") where line.contains("Collected :") {
            return line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        return nil
    }
}
