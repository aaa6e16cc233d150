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
    var anchors: [String: (node: Node, weight: Int)] = [:]
    var physicalNodes = 0
    var aliasExpansion = 0
    var root: Node? = nil
    var documents = 0

    struct Frame {
        let isMapping: Bool
        let anchor: String?
        let location: SourceLocation
        /// A sequence's items.
        var items: [Node] = []
        /// A mapping's entries, and the key waiting for its value.
        var pairs: [Pair] = []
        var pendingKey: Node? = nil
        var hasMergeKey = false
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
            let name = TreeBuilder.cString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
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
            stack.append(Frame(isMapping: isMapping, anchor: anchor, location: location))
            return .more
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let node: Node
            if frame.isMapping {
                node = Node(.mapping(finishMapping(frame.pairs, hasMerge: frame.hasMergeKey)), location: frame.location)
            } else {
                node = Node(.sequence(frame.items), location: frame.location)
            }
            return add(node, weight: frame.weight, anchor: frame.anchor, at: frame.location, counted: true, isCollection: true)
        default:
            return .more
        }
    }

    mutating func add(_ node: Node, weight: Int, anchor: String?, at location: SourceLocation, counted: Bool = true, isCollection: Bool = false) -> Outcome {
        if counted { physicalNodes += 1 }
        if let anchor { anchors[anchor] = (node, weight) }
        if stack.isEmpty {
            root = node
        } else {
            let top = stack.count - 1
            stack[top].weight += weight
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey {
                stack[top].pairs.append(Pair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                if node.isPlain, node.scalar == "<<" { stack[top].hasMergeKey = true }
                stack[top].pendingKey = node
            }
        }
        return .more
    }

    /// Applies merge keys and reports duplicate keys. Written keys override merged
    /// ones wherever they appear; merged keys take the place of their `<<` entry;
    /// among several merged mappings the earlier one wins, as YAML's merge says.
    mutating func finishMapping(_ written: [Pair], hasMerge: Bool) -> [Pair] {
        var pairs = written
        let duplicates = findDuplicates(pairs)
        if !duplicates.isEmpty {
            let drop = Set(duplicates)
            pairs = pairs.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
        }
        guard hasMerge else { return pairs }
        // Keys taken so far: written ones first (they override), then merged
        // ones as they come. A set only for large mappings; a spec merges an
        // anchor into thousands of small host mappings.
        var taken = KeySet(capacity: pairs.count)
        for pair in pairs where !TreeBuilder.isMergeKey(pair.key) {
            if let name = pair.key.scalar { taken.insert(name) }
        }
        var merged: [Pair] = []
        merged.reserveCapacity(pairs.count + 4)
        for pair in pairs {
            guard TreeBuilder.isMergeKey(pair.key) else { merged.append(pair); continue }
            let sources: [Node]
            switch pair.value.content {
            case .mapping: sources = [pair.value]
            case .sequence(let items) where items.allSatisfy({ $0.mapping != nil }): sources = items
            default:
                diagnostics.append(Diagnostic(.error, rule: SyntaxRules.yamlSyntax.name,
                    "a merge key `<<` takes a mapping or a list of mappings, not \(pair.value.kindDescription)",
                    at: pair.value.location))
                continue
            }
            for source in sources {
                for p in source.mapping ?? [] {
                    guard let name = p.key.scalar else { merged.append(p); continue }
                    if taken.insert(name) { merged.append(p) }
                }
            }
        }
        return merged
    }

    static func isMergeKey(_ key: Node) -> Bool {
        key.isPlain && key.scalar == "<<"
    }

    /// Indexes of written keys that repeat an earlier one, each reported with a
    /// note at the first: linear for small mappings, hashed for large ones (a
    /// fleet's `hosts:` has thousands of entries).
    mutating func findDuplicates(_ pairs: [Pair]) -> [Int] {
        var duplicates: [Int] = []
        if pairs.count <= 12 {
            for i in pairs.indices {
                guard let name = pairs[i].key.scalar else { continue }
                var j = 0
                while j < i {
                    if pairs[j].key.scalar == name {
                        report(duplicate: name, at: pairs[i].key.location, first: pairs[j].key.location)
                        duplicates.append(i)
                        break
                    }
                    j += 1
                }
            }
            return duplicates
        }
        var first: [String: Int] = [:]
        first.reserveCapacity(pairs.count)
        for i in pairs.indices {
            guard let name = pairs[i].key.scalar else { continue }
            if let j = first[name] {
                report(duplicate: name, at: pairs[i].key.location, first: pairs[j].key.location)
                duplicates.append(i)
            } else {
                first[name] = i
            }
        }
        return duplicates
    }

    mutating func report(duplicate name: String, at location: SourceLocation, first: SourceLocation) {
        diagnostics.append(Diagnostic(.error, rule: SyntaxRules.duplicateKey.name,
            "duplicate key '\(name)' in this mapping", at: location,
            notes: [Note("'\(name)' first appears here", at: first)]))
    }
}

/// A set of keys that is a plain array while small (no hashing) and a hash
/// set once large.
struct KeySet {
    private var small: [String] = []
    private var large: Set<String>? = nil

    init(capacity: Int) {
        if capacity > 12 { large = Set(minimumCapacity: capacity) }
    }

    /// Inserts `key`; false when it was already there.
    mutating func insert(_ key: String) -> Bool {
        if large != nil { return large!.insert(key).inserted }
        if small.contains(key) { return false }
        small.append(key)
        if small.count > 12 { large = Set(small) }
        return true
    }
}
