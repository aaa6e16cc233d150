import Diagnostics
import Model

/// `overlay.iface` names an iface some overlay host does not have.
enum OverlayIfaceMissingRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "overlay-iface-missing", severity: .error,
        summary: "overlay.iface names an iface that an overlay host does not have.",
        explanation: """
        What: `overlay.iface` is set, and an overlay host declares no iface of that name.
        Why: flanneld is started with `-iface <name>` on every overlay host and exits at \
        start-up where the interface does not exist, taking Docker's network with it.
        Fix: name the iface consistently on every overlay host, drop `overlay.iface` to \
        use each host's primary iface, or narrow `overlay.hosts`.
        Example: `iface: enp0s3` while node3 has only `eth0`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let o = c.topology.overlay, let iface = o.iface else { return [] }
        let missing = c.positions(o.hosts).filter { c.flannelIface(of: c.topology.hosts[$0], o) == nil }
        guard !missing.isEmpty else { return [] }
        let names = c.names(missing)
        let notes = missing.prefix(3).map { h -> Note in
            let host = c.topology.hosts[h]
            return Note("\(host.name.value) has \(host.ifaces.map { $0.name.value }.joined(separator: ", ")) here", at: host.name.location)
        }
        return [finding("overlay iface '\(iface.value)' does not exist on \(Phrases.hosts(names)): flanneld would exit there at start-up; declare the iface on \(names.count == 1 ? "it" : "them") or drop overlay.iface to use each host's primary iface",
                        at: iface.location, notes: notes)]
    }
}
