/// How bad a finding is. `error` stops `compile`; `warning` does with `--strict`;
/// `info` reports a decision topoc made for the user.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, info

    var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A place in a spec file: 1-based line and column as editors count them
/// (columns in characters), and how many characters the offending value spans
/// on that line (for the `^~~~` underline).
public struct SourceLocation: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int
    public var length: Int

    public init(line: Int, column: Int, length: Int = 1) {
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// Used only where no better place exists (an empty file).
    public static let start = SourceLocation(line: 1, column: 1)

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
}

/// A secondary location that explains a diagnostic: the other party of a
/// conflict, the first of two duplicate keys.
public struct Note: Hashable, Sendable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}

/// One finding about a spec.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var rule: String
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]

    public init(_ severity: Severity, rule: String, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// Order used everywhere diagnostics are shown: by place, then rule, then text,
    /// so reports are stable whatever order the checks ran in.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

/// What `topoc explain` and SARIF say about a rule.
public struct RuleDescriptor: Sendable, Hashable {
    public let name: String
    public let severity: Severity
    public let summary: String
    /// What the rule checks, why (the fact behind it), how to fix it, an example.
    public let explanation: String

    public init(name: String, severity: Severity, summary: String, explanation: String) {
        self.name = name
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
    }
}

/// The diagnostics of one spec file together with its text, which renderers need
/// to quote source lines.
public struct FileReport: Sendable {
    public let file: String
    public let source: SourceText
    public var diagnostics: [Diagnostic]

    public init(file: String, source: SourceText, diagnostics: [Diagnostic]) {
        self.file = file
        self.source = source
        self.diagnostics = diagnostics
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var infoCount: Int { diagnostics.count { $0.severity == .info } }
}
