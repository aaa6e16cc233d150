import Diagnostics
import Model

/// Containers on the overlay would get an MTU below IPv6's minimum.
enum OverlayMTURule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "overlay-mtu", severity: .warning,
        summary: "The overlay's MTU (flannel iface MTU minus the backend's overhead) is below 1280.",
        explanation: """
        What: flannel sets the overlay MTU to its iface's MTU minus 28 (udp) or 50 \
        (vxlan); host-gw adds nothing. Here that is below 1280.
        Why: 1280 is the smallest MTU IPv6 allows; below it IPv6 in containers fails, and \
        small MTUs fragment or blackhole TCP and TLS traffic whose path MTU discovery is \
        filtered.
        Fix: raise the MTU of the iface (or its subnet) to at least 1280 plus the overhead, \
        or use a backend with less overhead.
        Example: `mtu: 1300` with vxlan gives 1250 -> `mtu: 1330` or more.
        """)

    static func overhead(_ backend: FlannelBackend) -> Int {
        switch backend {
        case .udp: return 28
        case .vxlan: return 50
        case .hostGW: return 0
        }
    }

    /// One finding per MTU value in the spec (an iface's or a subnet's), naming
    /// every overlay host it leaves below the minimum.
    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let o = c.topology.overlay else { return [] }
        let minus = overhead(o.backend.value)
        var groups: [(mtu: Located<Int>, iface: String, hosts: [String])] = []
        var groupAt: [SourceLocation: Int] = [:]
        for h in c.positions(o.hosts) {
            guard let i = c.flannelIfaceIndex(ofHostAt: h, o), c.topology.hosts[h].ifaces[i].mtu.value - minus < 1280 else { continue }
            let host = c.topology.hosts[h], iface = host.ifaces[i]
            if let g = groupAt[iface.mtu.location] { groups[g].hosts.append(host.name.value); continue }
            groupAt[iface.mtu.location] = groups.count
            groups.append((iface.mtu, iface.name.value, [host.name.value]))
        }
        let backend = o.backend.value.rawValue
        return groups.map { group in
            let mtu = group.mtu.value
            let how = minus > 0 ? "iface \(group.iface)'s MTU \(mtu) minus \(minus) for \(backend)" : "iface \(group.iface)'s MTU \(mtu) with host-gw"
            return finding("the overlay MTU on \(Phrases.hosts(group.hosts)) would be \(mtu - minus) (\(how)), below 1280, the minimum IPv6 needs: raise the MTU to at least \(1280 + minus)",
                           at: group.mtu.location)
        }
    }
}
