import Foundation

/// A property every input must keep. Breaking one is a bug like a crash, so it
/// aborts: libFuzzer then saves the input and the replay driver exits non-zero.
enum Invariant {
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() {
            let text = "TopocFuzz: invariant broken: \(message())\n"
            fputs(text, stderr)
            abort()
        }
    }
}
