import CYAML
import Diagnostics

/// The outcome of reading one YAML file: the root node when the file is
/// well-formed (nil on a syntax error, a limit, or an empty file), and every
/// problem found. Duplicate keys do not stop the parse, so all of them are reported.
public struct ParseResult: Sendable {
    public let root: Node?
    public let diagnostics: [Diagnostic]
    public var hasFatalError: Bool { root == nil && !diagnostics.isEmpty }
}

/// Reads YAML with libyaml's event parser and builds the node tree.
public enum YAMLParser {
    public static func parse(_ source: SourceText, limits: ParseLimits = .default) -> ParseResult {
        if source.bytes.count > limits.maxInputBytes {
            let d = Diagnostic(.error, rule: SyntaxRules.inputLimit.name,
                               "the file is \(source.bytes.count) bytes; the limit is \(limits.maxInputBytes) bytes",
                               at: source.location(ofByte: limits.maxInputBytes))
            return ParseResult(root: nil, diagnostics: [d])
        }
        if source.bytes.isEmpty { return ParseResult(root: nil, diagnostics: []) }
        return source.bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(source: source, limits: limits)
            return builder.run(buffer)
        }
    }
}

/// Turns the event stream into nodes with an explicit stack, so depth costs no
/// native stack and the depth limit is checked before anything is allocated.
struct TreeBuilder {
    let source: SourceText
    let limits: ParseLimits
    var diagnostics: [Diagnostic] = []
    var stack: [Frame] = []
    /// The children of the open collections (see NodeStack).
    let values = NodeStack()
    var anchors: [String: (node: Node, weight: Int)] = [:]
    /// The last alias resolved: a fleet spec names the same anchor in every
    /// host, and comparing its name's bytes is cheaper than a String and a lookup.
    var lastAliasName: [UInt8] = []
    var lastAliasTarget: (node: Node, weight: Int)? = nil
    var physicalNodes = 0
    var aliasExpansion = 0
    var root: Node? = nil
    var documents = 0

    struct Frame {
        let isMapping: Bool
        var hasMergeKey = false
        let anchor: String?
        let location: SourceLocation
        /// Where this collection's children start in `values`.
        let start: Int
        var weight = 1
    }

    init(source: SourceText, limits: ParseLimits) {
        self.source = source
        self.limits = limits
    }

    mutating func fail(_ rule: RuleDescriptor, _ message: String, at location: SourceLocation) -> ParseResult {
        diagnostics.append(Diagnostic(.error, rule: rule.name, message, at: location))
        return ParseResult(root: nil, diagnostics: diagnostics)
    }

    static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    static func location(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceLocation {
        let length = end.line == start.line ? Int(end.column) - Int(start.column) : 1
        return SourceLocation(line: Int(start.line) + 1, column: Int(start.column) + 1, length: length)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    static func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> ParseResult {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            return fail(SyntaxRules.yamlSyntax, "libyaml could not be initialised", at: .start)
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                return syntaxError(parser)
            }
            let outcome = handle(&event)
            yaml_event_delete(&event)
            switch outcome {
            case .more: continue
            case .done: return ParseResult(root: diagnostics.contains { $0.severity == .error && $0.rule != SyntaxRules.duplicateKey.name } ? nil : root, diagnostics: diagnostics)
            case .failed: return ParseResult(root: nil, diagnostics: diagnostics)
            }
        }
    }

    enum Outcome { case more, done, failed }

    mutating func syntaxError(_ parser: yaml_parser_t) -> ParseResult {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        if parser.error == YAML_READER_ERROR {
            var message = problem
            if parser.problem_value >= 0 && problem.contains("octet") || problem.contains("character") {
                message += " (byte 0x\(String(parser.problem_value, radix: 16)) at offset \(parser.problem_offset))"
            }
            return fail(SyntaxRules.yamlSyntax, message, at: source.location(ofByte: sequenceStart(Int(parser.problem_offset))))
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context))"
        }
        let at = TreeBuilder.location(parser.problem_mark)
        let index = Int(parser.problem_mark.index)
        // libyaml counts characters, not bytes; look at the character by line/column.
        if let line = source.line(at.line), line.dropFirst(max(0, at.column - 1)).first == "\t" {
            message += "; tabs cannot be used for indentation"
        } else if index >= 0 && index < source.bytes.count && source.bytes[index] == 9 {
            message += "; tabs cannot be used for indentation"
        }
        return fail(SyntaxRules.yamlSyntax, message, at: at)
    }

    /// libyaml reports a bad trailing octet at that octet; point at the start of
    /// the broken UTF-8 sequence instead, where an editor shows the bad character.
    func sequenceStart(_ offset: Int) -> Int {
        let bytes = source.bytes
        guard offset > 0, offset <= bytes.count else { return offset }
        var i = offset - 1
        var steps = 0
        while i > 0 && bytes[i] & 0xC0 == 0x80 && steps < 3 { i -= 1; steps += 1 }
        return bytes[i] >= 0xC0 ? i : offset
    }

    mutating func handle(_ event: inout yaml_event_t) -> Outcome {
        switch event.type {
        case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
            return .more
        case YAML_STREAM_END_EVENT:
            return .done
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                _ = fail(SyntaxRules.yamlSyntax, "a spec file holds one YAML document; a second one starts here",
                         at: TreeBuilder.location(event.start_mark))
                return .failed
            }
            return .more
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let location = TreeBuilder.location(event.start_mark, event.end_mark)
            if scalar.length > limits.maxScalarBytes {
                _ = fail(SyntaxRules.inputLimit, "a scalar of \(scalar.length) bytes exceeds the limit of \(limits.maxScalarBytes) bytes", at: location)
                return .failed
            }
            let value = TreeBuilder.string(scalar.value, Int(scalar.length))
            let node = Node(.scalar(value), isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, location: location)
            return add(node, weight: 1, anchor: TreeBuilder.cString(scalar.anchor), at: location)
        case YAML_ALIAS_EVENT:
            let location = TreeBuilder.location(event.start_mark, event.end_mark)
            guard let target = resolveAlias(event.data.alias.anchor) else {
                let name = TreeBuilder.cString(event.data.alias.anchor) ?? ""
                _ = fail(SyntaxRules.yamlSyntax, "alias *\(name) names no anchor defined before it", at: location)
                return .failed
            }
            aliasExpansion += target.weight
            if aliasExpansion > max(limits.maxAliasExpansion, 4 * physicalNodes) {
                _ = fail(SyntaxRules.inputLimit, "aliases expand to more than \(max(limits.maxAliasExpansion, 4 * physicalNodes)) nodes (an alias bomb?)", at: location)
                return .failed
            }
            return add(target.node, weight: target.weight, anchor: nil, at: location, counted: false)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let location = TreeBuilder.location(event.start_mark)
            if stack.count >= limits.maxDepth {
                _ = fail(SyntaxRules.inputLimit, "nesting deeper than \(limits.maxDepth) levels", at: location)
                return .failed
            }
            let anchor = isMapping ? TreeBuilder.cString(event.data.mapping_start.anchor)
                                   : TreeBuilder.cString(event.data.sequence_start.anchor)
            stack.append(Frame(isMapping: isMapping, anchor: anchor, location: location, start: values.count))
            return .more
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let node: Node
            if frame.isMapping {
                var pairs = values.popPairs(from: frame.start)
                finishMapping(&pairs, hasMerge: frame.hasMergeKey)
                node = Node(.mapping(pairs), location: frame.location)
            } else {
                node = Node(.sequence(values.popSequence(from: frame.start)), location: frame.location)
            }
            return add(node, weight: frame.weight, anchor: frame.anchor, at: frame.location, counted: true, isCollection: true)
        default:
            return .more
        }
    }

    mutating func add(_ node: Node, weight: Int, anchor: String?, at location: SourceLocation, counted: Bool = true, isCollection: Bool = false) -> Outcome {
        if counted { physicalNodes += 1 }
        if let anchor {
            anchors[anchor] = (node, weight)
            lastAliasTarget = nil
        }
        if stack.isEmpty {
            root = node
        } else {
            let top = stack.count - 1
            stack[top].weight += weight
            // In a mapping, keys are the children at even offsets.
            if stack[top].isMapping && (values.count - stack[top].start) & 1 == 0 && TreeBuilder.isMergeKey(node) {
                stack[top].hasMergeKey = true
            }
            values.push(node)
        }
        return .more
    }

    /// The anchored node an alias names, or nil when no anchor has that name.
    mutating func resolveAlias(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> (node: Node, weight: Int)? {
        guard let pointer else { return anchors[""] }
        var length = 0
        while pointer[length] != 0 { length += 1 }
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        if lastAliasTarget != nil && TreeBuilder.equal(lastAliasName, bytes) { return lastAliasTarget }
        let target = anchors[String(decoding: bytes, as: UTF8.self)]
        if target != nil {
            lastAliasName = Array(bytes)
            lastAliasTarget = target
        }
        return target
    }

    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}
