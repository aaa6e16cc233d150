import Diagnostics

/// One YAML node with the place it starts. Aliases are resolved to the node they
/// name (sharing storage, so an alias costs no copy) and merge keys are applied,
/// so later phases see plain mappings, sequences and scalars.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(String)
        case sequence([Node])
        case mapping([Pair])
    }

    public let content: Content
    /// True for a plain (unquoted, non-block) scalar; only plain scalars can be
    /// numbers, booleans or null.
    public let isPlain: Bool
    // Compact marks: a large fleet spec has millions of nodes.
    let mark: PackedLocation

    public init(_ content: Content, isPlain: Bool = true, location: SourceLocation) {
        self.content = content
        self.isPlain = isPlain
        self.mark = PackedLocation(location)
    }

    /// Where the node starts; `length` covers it when it fits on one line.
    public var location: SourceLocation { mark.location }

    public var scalar: String? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var mapping: [Pair]? {
        if case .mapping(let p) = content { return p }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let s) = content { return s }
        return nil
    }

    /// YAML's null: an empty plain scalar, `~` or `null`.
    public var isNull: Bool {
        guard isPlain, case .scalar(let s) = content else { return false }
        // By length first: this runs for nearly every scalar a spec has.
        switch s.utf8.count {
        case 0: return true
        case 1: return s == "~"
        case 4: return s == "null" || s == "Null" || s == "NULL"
        default: return false
        }
    }

    /// How a diagnostic names what was found: "a mapping", "a list", "null",
    /// "the string 'abc'".
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s):
            if isNull { return "null" }
            let shown = s.count > 40 ? String(s.prefix(40)) + "…" : s
            return isPlain ? "'\(shown)'" : "the quoted string '\(shown)'"
        }
    }
}

/// One key/value entry of a mapping, in file order.
public struct Pair: Sendable {
    public let key: Node
    public let value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}
