/// A JSON value with object keys in the order they were given, written by a
/// tiny deterministic printer (2-space indentation, `": "` after keys, a final
/// newline) so that output never depends on a Dictionary's order or on
/// Foundation's formatting. The one JSON writer of every output: daemon.json,
/// task-definition.json, `topoc schema`; plan.json is appended by hand for
/// speed and held to this printer by a test.
public indirect enum OrderedJSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    /// How arrays are laid out.
    public enum ArrayLayout: Sendable {
        /// One element per line, always.
        case expanded
        /// An array of strings only on one line (`["a", "b"]`), any other
        /// array expanded: a schema's enums and required lists stay readable.
        case stringsInline
    }

    /// The document, ending with a newline.
    public func document(arrays: ArrayLayout = .expanded) -> String {
        var out = ""
        write(into: &out, indent: 0, arrays: arrays)
        out += "\n"
        return out
    }

    private var isString: Bool {
        if case .string = self { return true }
        return false
    }

    private func write(into out: inout String, indent: Int, arrays: ArrayLayout) {
        switch self {
        case .string(let s): JSONQuoting.append(s, to: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            if arrays == .stringsInline && items.allSatisfy(\.isString) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(into: &out, indent: 0, arrays: arrays)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(into: &out, indent: indent + 2, arrays: arrays)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                JSONQuoting.append(key, to: &out)
                out += ": "
                value.write(into: &out, indent: indent + 2, arrays: arrays)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
