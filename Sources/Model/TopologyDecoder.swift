import Diagnostics
import Syntax
import Values

/// Decodes a parsed spec into a `Topology`. Every problem is reported; the
/// topology is returned only when there were none, so later phases can trust it.
public enum TopologyDecoder {
    public static func decode(_ root: Node?) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        var d = Decoder()
        guard let root else {
            d.error(ModelRules.missingKey, "the spec is empty: it needs at least 'version', 'name', 'subnets' and 'hosts'", at: .start)
            return (nil, d.diagnostics)
        }
        let topology = d.topology(root)
        return (d.diagnostics.isEmpty ? topology : nil, d.diagnostics)
    }
}

extension Decoder {
    mutating func topology(_ root: Node) -> Topology? {
        guard let f = fields(root, Schema.topLevel, context: "the spec", ignoringXKeys: true) else { return nil }
        if let v = f["version"] {
            if v.isPlain, let s = v.scalar, let n = Decoder.parseInt(s) {
                if n != 1 { error(ModelRules.unsupportedVersion, "spec language version \(n) is not supported; this topoc reads version 1", at: v.location) }
            } else {
                typeMismatch(v, expected: "the integer 1", key: "version")
            }
        }
        let name = f["name"].flatMap { self.name($0, key: "name", what: "deployment name") }
        let description = f["description"].flatMap { string($0, key: "description") }?.value

        var defaultOS: Located<OperatingSystem>? = nil
        var defaultMTU: Located<Int>? = nil
        if let dn = f["defaults"], let df = fields(dn, Schema.defaults, context: "defaults") {
            defaultOS = df["os"].flatMap { enumeration($0, key: "os", OperatingSystem.self) }
            defaultMTU = df["mtu"].flatMap { int($0, key: "mtu", range: 576...9216) }
        }

        let subnets = f["subnets"].map { decodeSubnets($0, defaultMTU: defaultMTU) } ?? []
        var subnetIndex: [String: Int] = [:]
        for (i, s) in subnets.enumerated() { subnetIndex[s.name.value] = i }
        let writtenSubnets = Decoder.writtenKeys(f["subnets"])
        let hosts = f["hosts"].map { decodeHosts($0, defaultOS: defaultOS, subnets: subnets, subnetIndex: subnetIndex, writtenSubnets: writtenSubnets) } ?? []
        if let hn = f["hosts"], hn.mapping?.isEmpty == true {
            error(ModelRules.missingKey, "'hosts' must declare at least one host", at: hn.location)
        }
        let hostIndex = Topology.firstPositions(of: hosts.lazy.map { $0.name.value })
        let refs = References(hosts: Decoder.writtenKeys(f["hosts"]), hostIndex: hostIndex)

        let kvdbs = f["kvdbs"].map { decodeKVDBs($0, refs: refs) } ?? []
        let kvdbNames = kvdbs.map { $0.name.value }
        let writtenKVDBs = Decoder.writtenKeys(f["kvdbs"])
        let overlay = f["overlay"].flatMap { decodeOverlay($0, refs: refs, kvdbs: kvdbNames, written: writtenKVDBs) }
        let docker = f["docker"].flatMap { decodeDocker($0, refs: refs) }
        let portworx = f["portworx"].flatMap { decodePortworx($0, refs: refs, kvdbs: kvdbNames, written: writtenKVDBs) }
        let ecs = f["ecs"].flatMap { decodeECS($0, refs: refs) }
        var ignore: [Located<String>] = []
        if let ln = f["lint"], let lf = fields(ln, Schema.lint, context: "lint"), let iNode = lf["ignore"], let items = list(iNode, key: "ignore") {
            ignore = items.compactMap { string($0, key: "ignore") }
        }
        guard let name else { return nil }
        return Topology(name: name, description: description, subnets: subnets, hosts: hosts, kvdbs: kvdbs,
                        overlay: overlay, docker: docker, portworx: portworx, ecs: ecs, lintIgnore: ignore, hostIndex: hostIndex)
    }

    /// Reads a name-keyed mapping section (`hosts:`, `subnets:`, ...), reporting
    /// bad names; the parser already reported duplicate keys.
    mutating func namedEntries(_ node: Node, key: String, what: String) -> [(Located<String>, Node)] {
        guard let pairs = node.mapping else {
            typeMismatch(node, expected: "a mapping of \(what) names to \(what) definitions", key: key)
            return []
        }
        var out: [(Located<String>, Node)] = []
        out.reserveCapacity(pairs.count)
        for pair in pairs {
            if isFull { break }
            if let n = keyName(pair, what: what) { out.append((n, pair.value)) }
        }
        return out
    }

    /// The keys written in a name-keyed section, valid or not: a reference to an
    /// entry that is declared but invalid is not reported again.
    static func writtenKeys(_ node: Node?) -> [String] {
        node?.mapping?.compactMap { $0.key.scalar } ?? []
    }

    /// Reports an unknown name with a did-you-mean over the declared ones; a
    /// name that is declared (but failed its own checks) was already reported.
    mutating func unknownReference(_ ref: Located<String>, kind: String, declared: [String]) {
        if declared.contains(ref.value) { return }
        var message = "no \(kind) named '\(ref.value)' is declared"
        if let s = EditDistance.suggestion(for: ref.value, among: declared) { message += "; did you mean '\(s)'?" }
        error(ModelRules.unknownReference, message, at: ref.location)
    }
}

/// Host names, for resolving references.
struct References {
    /// Every host key written in the spec, valid or not.
    let hosts: [String]
    /// Hosts that decoded without errors, by name (shared with the Topology).
    let hostIndex: [String: Int]

    func isDecodedHost(_ name: String) -> Bool { hostIndex[name] != nil }
}
