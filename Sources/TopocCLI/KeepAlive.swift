/// The compiler's `-disable-free`: a process that is about to exit need not
/// free the millions of nodes, steps and strings a fleet spec leaves behind
/// (on a 100,000-host spec, tearing them down took longer than some phases).
/// Only the `topoc` executable turns this on; in-process callers such as the
/// tests leave it off, so nothing outlives a `Topoc.run` for them.
public enum KeepAlive {
    nonisolated(unsafe) public static var untilExit = false
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Retains `value` until the process exits, when `untilExit` is on.
    static func retain(_ value: Any) {
        if untilExit { kept.append(value) }
    }
}
