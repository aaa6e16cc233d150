import Diagnostics
import Syntax
import Values

/// Shared machinery of the section decoders: reading a mapping against its
/// section's keys and reading typed scalars, collecting every problem rather
/// than stopping at the first.
struct Decoder {
    var diagnostics: [Diagnostic] = []
    var checked = CheckedValues()
    /// Caps the work on hostile specs full of errors; the CLI shows the first ones.
    static let maxDiagnostics = 1000

    var isFull: Bool { diagnostics.count >= Decoder.maxDiagnostics }

    mutating func error(_ rule: RuleDescriptor, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        guard !isFull else { return }
        diagnostics.append(Diagnostic(.error, rule: rule.name, message, at: location, notes: notes))
    }

    mutating func typeMismatch(_ node: Node, expected: String, key: String) {
        error(ModelRules.typeMismatch, "'\(key)' must be \(expected), not \(node.kindDescription)", at: node.location)
    }

    mutating func badValue(_ node: Node, _ message: String) {
        error(ModelRules.badValue, message, at: node.location)
    }

    /// Reads a mapping's entries against a section: unknown keys (with a
    /// did-you-mean), duplicates already reported by the parser, required keys.
    /// `context` names the mapping in messages; it is built only when a message
    /// needs it (a fleet spec has hundreds of thousands of mappings).
    mutating func fields(_ node: Node, _ section: SectionSpec, context: @autoclosure () -> String, ignoringXKeys: Bool = false) -> Fields? {
        guard let pairs = node.mapping else {
            typeMismatch(node, expected: "a mapping (\(section.summary.lowercased().dropLast()))", key: context())
            return nil
        }
        // Entries that are not fields are listed (rarely any), so that the
        // mapping's own array serves as the fields without a copy.
        var skipped: [Int] = []
        // By index: iterating the pairs would copy (retain) every value.
        for index in pairs.indices {
            let keyNode = pairs[index].key
            guard let key = keyNode.scalar else {
                error(ModelRules.typeMismatch, "keys of \(context()) must be plain strings, not \(keyNode.kindDescription)", at: keyNode.location)
                skipped.append(index)
                continue
            }
            if ignoringXKeys && key.hasPrefix("x-") { skipped.append(index); continue }
            if !section.has(key) {
                var message = "unknown key '\(key)' in \(context())"
                if let s = EditDistance.suggestion(for: key, among: section.keys) { message += "; did you mean '\(s)'?" }
                else { message += "; expected one of: \(section.keys.joined(separator: ", "))" }
                error(ModelRules.unknownKey, message, at: keyNode.location)
                skipped.append(index)
                continue
            }
        }
        let f = Fields(pairs: pairs, skipped: skipped, location: node.location)
        for key in section.requiredKeys where f[key] == nil {
            let summary = section.field(key)?.summary ?? ""
            error(ModelRules.missingKey, "\(context()) needs '\(key)' (\(summary.lowercased().dropLast()))", at: node.location)
        }
        return f
    }

    // MARK: scalars

    mutating func string(_ node: Node, key: String) -> Located<String>? {
        guard let s = node.scalar, !node.isNull else {
            typeMismatch(node, expected: "a string", key: key)
            return nil
        }
        return Located(s, at: node.location)
    }

    mutating func int(_ node: Node, key: String, range: ClosedRange<Int>) -> Located<Int>? {
        guard node.isPlain, let s = node.scalar, !node.isNull, let v = Decoder.parseInt(s) else {
            typeMismatch(node, expected: "an integer", key: key)
            return nil
        }
        guard range.contains(v) else {
            badValue(node, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(v)")
            return nil
        }
        return Located(v, at: node.location)
    }

    static func parseInt(_ s: String) -> Int? {
        var body = Substring(s)
        if body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.count <= 18 else { return nil }
        let digits = body.first == "-" ? body.dropFirst() : body
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(body)
    }

    mutating func bool(_ node: Node, key: String) -> Located<Bool>? {
        if node.isPlain, let s = node.scalar {
            if s == "true" { return Located(true, at: node.location) }
            if s == "false" { return Located(false, at: node.location) }
            if ["yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE", "Yes", "No"].contains(s) {
                error(ModelRules.typeMismatch, "'\(key)' must be true or false, not '\(s)' (YAML 1.1 spellings are not booleans here)", at: node.location)
                return nil
            }
        }
        typeMismatch(node, expected: "true or false", key: key)
        return nil
    }

    mutating func port(_ node: Node, key: String) -> Located<Int>? {
        int(node, key: key, range: 1...65535)
    }

    mutating func enumeration<E: RawRepresentable>(_ node: Node, key: String, _ type: E.Type) -> Located<E>? where E: CaseIterable, E.RawValue == String {
        guard let s = string(node, key: key) else { return nil }
        guard let v = E(rawValue: s.value) else {
            let allowed = E.allCases.map { $0.rawValue }
            var message = "'\(key)' must be one of \(allowed.joined(separator: ", ")), not '\(s.value)'"
            if let sug = EditDistance.suggestion(for: s.value, among: allowed) { message += "; did you mean '\(sug)'?" }
            badValue(node, message)
            return nil
        }
        return Located(v, at: node.location)
    }

    mutating func name(_ node: Node, key: String, what: String) -> Located<String>? {
        if checked.name.holds(node), let s = node.scalar { return Located(s, at: node.location) }
        guard let s = checkedName(node, key: key, what: what) else { return nil }
        checked.name.accept(s.value)
        return s
    }

    mutating func checkedName(_ node: Node, key: String, what: String) -> Located<String>? {
        guard let s = string(node, key: key) else { return nil }
        guard Names.isName(s.value) else {
            badValue(node, "\(what) '\(Decoder.shown(s.value))' is not a valid name: use 1-63 of a-z, 0-9 and '-', starting and ending with a letter or digit")
            return nil
        }
        return s
    }

    /// Reads a mapping key as a name (hosts, subnets, kvdbs, volumes, services).
    /// Keys of one mapping differ, so the last accepted name is not consulted.
    mutating func keyName(_ pair: Pair, what: String) -> Located<String>? {
        checkedName(pair.key, key: what, what: what)
    }

    mutating func ip(_ node: Node, key: String) -> Located<IPAddress>? {
        guard let s = string(node, key: key) else { return nil }
        // One scan over the bytes finds a zone id and the family, which
        // IPAddress.init would find by a second, slower scan for ':'.
        var text = s.value
        let (zone, colon) = text.withUTF8 { ($0.contains(UInt8(ascii: "%")), $0.contains(UInt8(ascii: ":"))) }
        if zone {
            badValue(node, "'\(key)' must be an IP address without a zone id: '\(Decoder.shown(s.value))' names an interface of one machine")
            return nil
        }
        let parsed = colon ? IPv6Address(s.value).map(IPAddress.v6) : IPv4Address(s.value).map(IPAddress.v4)
        guard let a = parsed else {
            badValue(node, "'\(key)' must be an IPv4 or IPv6 address, not '\(Decoder.shown(s.value))'")
            return nil
        }
        return Located(a, at: node.location)
    }

    mutating func cidr(_ node: Node, key: String, ipv4Only: Bool = false) -> Located<CIDR>? {
        guard let s = string(node, key: key) else { return nil }
        switch CIDR.parse(s.value) {
        case .success(let c):
            if ipv4Only && !c.isV4 {
                badValue(node, "'\(key)' must be an IPv4 CIDR (flannel's network is IPv4), not '\(c)'")
                return nil
            }
            return Located(c, at: node.location)
        case .failure(.hostBitsSet(let network)):
            badValue(node, "'\(key)' has host bits set: '\(Decoder.shown(s.value))' is an address, the network is \(network)")
        case .failure(.prefixTooLong(let max)):
            badValue(node, "'\(key)' prefix is longer than \(max) bits in '\(Decoder.shown(s.value))'")
        case .failure(.syntax):
            badValue(node, "'\(key)' must be a CIDR such as 10.0.6.0/24 or fd00::/64, not '\(Decoder.shown(s.value))'")
        }
        return nil
    }

    mutating func absolutePath(_ node: Node, key: String) -> Located<String>? {
        guard let s = string(node, key: key) else { return nil }
        guard Names.isAbsolutePath(s.value) else {
            badValue(node, "'\(key)' must be an absolute path of letters, digits and ._+@:=,- (no spaces, no '..'), not '\(Decoder.shown(s.value))'")
            return nil
        }
        return s
    }

    mutating func devicePath(_ node: Node, key: String) -> Located<String>? {
        if checked.devicePath.holds(node), let s = node.scalar { return Located(s, at: node.location) }
        guard let s = string(node, key: key) else { return nil }
        guard Names.isDevicePath(s.value) else {
            badValue(node, "'\(key)' entries must be device paths under /dev/, not '\(Decoder.shown(s.value))'")
            return nil
        }
        checked.devicePath.accept(s.value)
        return s
    }

    mutating func image(_ node: Node, key: String) -> Located<ImageReference>? {
        guard let s = string(node, key: key) else { return nil }
        guard let i = ImageReference(s.value) else {
            badValue(node, "'\(key)' must be an image reference [registry/]path[:tag][@digest] with lowercase path components, not '\(Decoder.shown(s.value))'")
            return nil
        }
        return Located(i, at: node.location)
    }

    mutating func version(_ node: Node, key: String) -> Located<Version>? {
        guard let s = string(node, key: key) else { return nil }
        guard let v = Version(s.value) else {
            badValue(node, "'\(key)' must be a version such as \"3.3\" or \"2.3.7\", not '\(Decoder.shown(s.value))'")
            return nil
        }
        return Located(v, at: node.location)
    }

    mutating func list(_ node: Node, key: String) -> [Node]? {
        guard let items = node.sequence else {
            typeMismatch(node, expected: "a list", key: key)
            return nil
        }
        return items
    }

    /// Shortens and neutralises a value for a message.
    static func shown(_ s: String) -> String {
        let cut = s.count > 60 ? String(s.prefix(60)) + "…" : s
        return String(String.UnicodeScalarView(cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : $0 }))
    }
}

/// The entries of one mapping that are fields of its section, by key, in file
/// order: the mapping's entries less those `fields` reported or ignored.
struct Fields {
    let pairs: [Pair]
    /// Indexes of entries that are not fields: keys that are not strings,
    /// unknown keys, `x-` keys.
    let skipped: [Int]
    let location: SourceLocation

    subscript(_ key: String) -> Node? {
        index(of: key).map { pairs[$0].value }
    }
    func keyLocation(_ key: String) -> SourceLocation? {
        index(of: key).map { pairs[$0].key.location }
    }

    private func index(of key: String) -> Int? {
        for i in pairs.indices {
            guard let k = pairs[i].key.scalar, Fields.sameKey(k, key) else { continue }
            if skipped.isEmpty || !skipped.contains(i) { return i }
        }
        return nil
    }

    /// String equality that settles most unequal keys on their length, before
    /// the full comparison (a call into the runtime when they differ).
    @inline(__always)
    static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }
}
