import Diagnostics
import Syntax
import Values

extension Decoder {
    mutating func decodeSubnets(_ node: Node, defaultMTU: Located<Int>?) -> [Subnet] {
        var out: [Subnet] = []
        for (name, body) in namedEntries(node, key: "subnets", what: "subnet") {
            guard let f = fields(body, Schema.subnet, context: "subnet '\(name.value)'") else { continue }
            let cidr = f["cidr"].flatMap { self.cidr($0, key: "cidr") }
            let mtu = f["mtu"].flatMap { int($0, key: "mtu", range: 576...9216) }
            var gateway = f["gateway"].flatMap { ip($0, key: "gateway") }
            if let g = gateway, let c = cidr, g.value.isV4 != c.value.isV4 {
                error(ModelRules.badValue, "gateway \(g.value) is not of the same address family as \(c.value)", at: g.location)
                gateway = nil
            }
            guard let cidr else { continue }
            out.append(Subnet(name: name, cidr: cidr,
                              mtu: mtu ?? defaultMTU ?? Located(1500, at: name.location), gateway: gateway))
        }
        return out
    }

    mutating func decodeHosts(_ node: Node, defaultOS: Located<OperatingSystem>?, subnets: [Subnet], subnetIndex: [String: Int], writtenSubnets: [String]) -> [Host] {
        var out: [Host] = []
        let entries = namedEntries(node, key: "hosts", what: "host")
        out.reserveCapacity(entries.count)
        let subnetNames = writtenSubnets
        for (name, body) in entries {
            if isFull { break }
            if let why = Decoder.reservedReason(name.value) {
                error(ModelRules.badValue, "host name '\(name.value)' is reserved: \(why); rename the host", at: name.location)
                continue
            }
            guard let f = fields(body, Schema.host, context: "host '\(name.value)'") else { continue }
            let osNode = f["os"]
            var os = osNode.flatMap { enumeration($0, key: "os", OperatingSystem.self) }
            if os == nil && osNode == nil {
                if let d = defaultOS { os = Located(d.value, at: name.location) }
                else { error(ModelRules.missingKey, "host '\(name.value)' needs 'os' (or set defaults.os): one of \(OperatingSystem.allCases.map { $0.rawValue }.joined(separator: ", "))", at: name.location) }
            }
            var ifaces: [Iface] = []
            if let ifNode = f["ifaces"] {
                if let pairs = ifNode.mapping {
                    if pairs.isEmpty { error(ModelRules.missingKey, "host '\(name.value)' needs at least one iface", at: ifNode.location) }
                    for pair in pairs {
                        guard let ifName = string(pair.key, key: "iface name") else { continue }
                        if !checked.ifaceName.holds(pair.key) {
                            guard Names.isIfaceName(ifName.value) else {
                                badValue(pair.key, "iface name '\(Decoder.shown(ifName.value))' must be 1-15 bytes of letters, digits and . _ @ -, starting with a letter or digit (Linux IFNAMSIZ)")
                                continue
                            }
                            checked.ifaceName.accept(ifName.value)
                        }
                        if let i = decodeIface(ifName, pair.value, host: name.value, subnets: subnets, subnetIndex: subnetIndex, subnetNames: subnetNames) {
                            ifaces.append(i)
                        }
                    }
                } else {
                    typeMismatch(ifNode, expected: "a mapping of iface names to ifaces", key: "ifaces")
                }
            }
            var devices: [Located<String>] = []
            let devicesNode = f["devices"]
            if let dn = devicesNode, let items = list(dn, key: "devices") {
                devices = decodeDevices(items)
            }
            guard let os, !ifaces.isEmpty else { continue }
            out.append(Host(name: name, os: os, ifaces: ifaces, devices: devices, devicesLocation: devicesNode?.location))
        }
        return out
    }

    /// A host's device paths. Hosts that merge their devices from one anchor
    /// hold the very same list: it is decoded once and its result shared (one
    /// array for the whole fleet), unless it had errors, which every host reports.
    mutating func decodeDevices(_ items: [Node]) -> [Located<String>] {
        if let last = checked.devices, Decoder.sameStorage(last.items, items) { return last.decoded }
        let decoded = items.compactMap { devicePath($0, key: "devices") }
        if decoded.count == items.count { checked.devices = (items, decoded) }
        return decoded
    }

    /// Whether two arrays share their storage: nodes from one alias do.
    static func sameStorage(_ a: [Node], _ b: [Node]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    /// Why a host cannot have this name, if it cannot. The lengths of the
    /// reserved names rule out nearly every name without hashing it.
    static func reservedReason(_ name: String) -> String? {
        switch name.utf8.count {
        case 3, 9, 11: return reservedHostNames[name]
        default: return nil
        }
    }

    /// Names a host cannot have, and why: they already mean something in host
    /// sets, in the plan or in the Ansible inventory topoc writes.
    static let reservedHostNames: [String: String] = [
        "all": "`hosts: all` means every host",
        "workstation": "the plan runs the operator's ECS steps on `workstation`",
        "localhost": "the Ansible inventory runs the workstation steps on localhost",
        "ungrouped": "Ansible reserves it for hosts outside every group",
    ]

    mutating func decodeIface(_ ifName: Located<String>, _ body: Node, host: String, subnets: [Subnet], subnetIndex: [String: Int], subnetNames: [String]) -> Iface? {
        guard let f = fields(body, Schema.iface, context: "iface '\(ifName.value)' of host '\(host)'") else { return nil }
        let subnetRef = f["subnet"].flatMap { name($0, key: "subnet", what: "subnet") }
        let address = f["address"].flatMap { ip($0, key: "address") }
        let mtu = f["mtu"].flatMap { int($0, key: "mtu", range: 576...9216) }
        guard let subnetRef, let address else { return nil }
        let index: Int
        if let last = checked.subnet, Fields.sameKey(last.name, subnetRef.value) {
            index = last.index
        } else {
            guard let i = subnetIndex[subnetRef.value] else {
                unknownReference(subnetRef, kind: "subnet", declared: subnetNames)
                return nil
            }
            checked.subnet = (subnetRef.value, i)
            index = i
        }
        let subnet = subnets[index]
        if address.value.isV4 != subnet.cidr.value.isV4 {
            error(ModelRules.badValue, "address \(address.value) is not of the same family as subnet '\(subnet.name.value)' (\(subnet.cidr.value))", at: address.location,
                  notes: [Note("subnet '\(subnet.name.value)' is declared here", at: subnet.cidr.location)])
            return nil
        }
        return Iface(name: ifName, subnet: subnetRef, address: address, mtu: mtu ?? subnet.mtu)
    }

    /// `all` or a list of declared host names.
    mutating func hostSet(_ f: Fields, refs: References, context: String) -> HostSet {
        guard let node = f["hosts"] else {
            return HostSet(isAll: true, entries: [], location: f.location, isExplicit: false)
        }
        if node.scalar == "all" { return HostSet(isAll: true, entries: [], location: node.location, isExplicit: true) }
        guard let items = node.sequence else {
            typeMismatch(node, expected: "'all' or a list of host names", key: "hosts")
            return HostSet(isAll: true, entries: [], location: node.location, isExplicit: true)
        }
        var entries: [Located<String>] = []
        var seen = Set<String>()
        for item in items {
            guard let n = name(item, key: "hosts", what: "host") else { continue }
            if !refs.isDecodedHost(n.value) { unknownReference(n, kind: "host", declared: refs.hosts); continue }
            if !seen.insert(n.value).inserted {
                badValue(item, "host '\(n.value)' is listed twice in \(context) hosts")
                continue
            }
            entries.append(n)
        }
        return HostSet(isAll: false, entries: entries, location: node.location, isExplicit: true)
    }
}
