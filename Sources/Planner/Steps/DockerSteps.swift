import Model

/// The Docker daemon on every host topoc configures: remapping in daemon.json,
/// the overlay's bip/mtu through a drop-in that reads flannel's subnet.env.
enum DockerSteps {
    static let daemonStep = "docker-daemon"

    static func add(to b: inout PlanBuilder) {
        guard let docker = b.topology.docker else { return }
        let overlay = b.topology.overlay
        let daemon = b.name(daemonStep), flanneld = b.name(OverlaySteps.flanneldStep)
        let roles = b.roles
        // By index: copying a Host out of the array would retain each of its fields.
        for i in b.topology.hosts.indices where roles[i].contains(.dockerConfigured) {
            let name = b.topology.hosts[i].name.value, rank = b.ranksByPosition[i]
            let onOverlay = roles[i].contains(.overlay)
            let remaps = roles.remapsUserNamespaces(at: i)
            // Built only when the plan is (a skeleton for lint skips it).
            let actions: () -> [Action] = {
                var actions: [Action] = []
                if remaps {
                    actions.append(.installFile(.dockerDaemonJSON(host: name), path: HostPaths.dockerDaemonJSON, mode: "0644"))
                }
                if onOverlay {
                    actions.append(.installFile(.dockerFlannelDropIn(host: name), path: HostPaths.dockerFlannelDropIn, mode: "0644"))
                }
                return actions + [.daemonReload, .enableService("docker")]
            }
            let id = b.add(b.ref(rank, daemon), label: "Docker daemon", component: "docker",
                           at: docker.hosts.location, actions())
            if onOverlay, let overlay {
                b.depend(id, on: b.ref(rank, flanneld),
                         "Docker takes its bridge address and MTU from flanneld's subnet.env", at: overlay.location)
            }
        }
    }
}
