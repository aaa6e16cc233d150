/// Where the command line writes. The executable passes the real streams; tests
/// pass a recorder, so the CLI runs in-process in tests.
public protocol Console: AnyObject {
    func out(_ text: String)
    func err(_ text: String)
    /// True when the output is a terminal (colour is only used there).
    var isTerminal: Bool { get }
    func environment(_ name: String) -> String?
}

/// A console that keeps everything written, for tests.
public final class RecordingConsole: Console {
    public private(set) var stdout = ""
    public private(set) var stderr = ""
    public var isTerminal = false
    public var variables: [String: String] = [:]

    public init() {}
    public func out(_ text: String) { stdout += text }
    public func err(_ text: String) { stderr += text }
    public func environment(_ name: String) -> String? { variables[name] }
}
