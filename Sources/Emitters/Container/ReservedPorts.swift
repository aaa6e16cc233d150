import Model

/// The host ports the ECS agent must never place a task on: its defaults
/// (22, 2375, 2376, 51678, 51679) plus what topoc itself runs on the host.
/// Without them a task could be given Portworx's or etcd's port and fail.
struct ReservedPorts {
    /// Sorted, without duplicates.
    let tcp: [Int]
    let udp: [Int]

    /// The agent's own default list.
    static let agentDefaults = [22, 2375, 2376, 51678, 51679]

    init(host: String, _ context: FileRenderContext) {
        let t = context.topology
        var tcp = ReservedPorts.agentDefaults
        var udp: [Int] = []
        if let px = t.portworx, context.roles.portworx.contains(host) {
            let start = px.startPort.value
            tcp += Array(start..<(start + Portworx.portCount))
            udp.append(start + 1) // gossip
        }
        for kvdb in t.kvdbs {
            guard let run = kvdb.runSpec, run.members.contains(where: { $0.value == host }) else { continue }
            tcp += [run.clientPort.value, run.peerPort.value] + run.extraClientPorts.map { $0.value }
        }
        if let overlay = t.overlay, context.roles.overlay.contains(host) {
            switch overlay.backend.value {
            case .udp: udp.append(8285)
            case .vxlan: udp.append(8472)
            case .hostGW: break
            }
        }
        self.tcp = Array(Set(tcp)).sorted()
        self.udp = Array(Set(udp)).sorted()
    }

    /// `[22,2375,...]`: the agent parses the value as a JSON list.
    static func jsonList(_ ports: [Int]) -> String {
        "[" + ports.map(String.init).joined(separator: ",") + "]"
    }
}
