import Diagnostics
import Model

/// Two components of one host bind the same port, protocol and address.
enum PortConflictRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "port-conflict", severity: .error,
        summary: "Two components of one host listen on the same port, protocol and address.",
        explanation: """
        What: from the spec topoc derives every socket each host will listen on: etcd \
        client/peer/extra ports (run: host binds the member's address and 127.0.0.1 for \
        clients; a bridged container is published on all addresses), flanneld's 8285/udp \
        (udp backend) or 8472/udp (vxlan), Portworx's 22 ports from start_port (tcp) and \
        start_port+1/udp for gossip, the ECS agent's 51678/tcp and 51679/tcp on 127.0.0.1, \
        ECS service host ports, and sshd on 22/tcp, which every host is assumed to run.
        Why: two bindings conflict when protocol and port match on one host and their \
        addresses overlap (0.0.0.0 overlaps every address). The second one to start fails \
        with "address already in use", usually long after the deploy looked fine.
        Fix: give one of the two another port (client_port, peer_port, start_port, the \
        service's host port). The note shows the other party.
        Example: a kvdb with `client_port: 9005` on a Portworx host collides with \
        Portworx's 9001-9022/tcp; use 2379.
        """)

    /// Clashes are grouped by the value that causes them and the component it
    /// collides with, so one bad `ports:` entry on 10,000 ECS hosts is one
    /// finding naming the hosts, not 10,000.
    private struct Group {
        var later: PortBinding
        var earlier: PortBinding
        var laterLocation: SourceLocation
        var ports: ClosedRange<Int>
        var hosts: [Int]
        var noteLocations: [SourceLocation]
    }

    private struct Key: Hashable {
        var location: SourceLocation
        var component: Int
        var other: Int
        var low: Int, high: Int
        var proto: PortProtocol
    }

    static func check(_ c: LintContext) -> [Diagnostic] {
        var groups: [Group] = []
        var index: [Key: Int] = [:]
        for clash in c.ports.clashes() {
            let key = Key(location: clash.laterLocation, component: clash.later.component, other: clash.earlier.component,
                          low: clash.ports.lowerBound, high: clash.ports.upperBound, proto: clash.later.proto)
            if let g = index[key] {
                // One host can clash twice with the same component (its address
                // and 127.0.0.1); clashes come host by host, so name it once.
                if groups[g].hosts.last != clash.later.host { groups[g].hosts.append(clash.later.host) }
                if groups[g].noteLocations.count < 3 && !groups[g].noteLocations.contains(clash.earlierLocation) {
                    groups[g].noteLocations.append(clash.earlierLocation)
                }
            } else {
                index[key] = groups.count
                groups.append(Group(later: clash.later, earlier: clash.earlier, laterLocation: clash.laterLocation, ports: clash.ports,
                                    hosts: [clash.later.host], noteLocations: [clash.earlierLocation]))
            }
        }
        return groups.map { g in
            let hosts = c.names(g.hosts)
            let later = c.ports.name(g.later), earlier = c.ports.name(g.earlier)
            let what = Phrases.ports(g.ports, g.later.proto.rawValue)
            let portWord = g.ports.count == 1 ? "port" : "ports"
            var message = "\(portWord) \(what) on \(Phrases.hosts(hosts)) \(g.ports.count == 1 ? "is" : "are") taken twice: "
            message += "\(later) (on \(c.ports.addressText(g.later, hostCount: hosts.count))) and \(earlier) (on \(c.ports.addressText(g.earlier, hostCount: hosts.count)))"
            message += "; " + advice(later, earlier)
            let notes = g.noteLocations.map { loc in
                Note("\(earlier) listens on \(Phrases.ports(g.earlier.ports, g.earlier.proto.rawValue)) on \(c.ports.addressText(g.earlier, hostCount: hosts.count)) because of this", at: loc)
            }
            return finding(message, at: g.laterLocation, notes: notes)
        }
    }

    private static func advice(_ a: String, _ b: String) -> String {
        let parties = [a, b]
        if parties.contains(PortPlan.sshd) {
            return "sshd needs 22/tcp to reach the host: move the other one to a free port"
        }
        if parties.contains(where: { $0.hasPrefix("Portworx") }) {
            return "Portworx takes the 22 ports from start_port: move start_port or the other port out of that range"
        }
        return "give one of them another port"
    }
}
