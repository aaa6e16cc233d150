import Model

/// The Docker daemon on every host topoc configures: remapping in daemon.json,
/// the overlay's bip/mtu through a drop-in that reads flannel's subnet.env.
enum DockerSteps {
    static func add(to b: inout PlanBuilder) {
        guard let docker = b.topology.docker else { return }
        let overlay = b.topology.overlay
        for host in b.topology.hosts where b.roles.dockerConfigured.contains(host.name.value) {
            let name = host.name.value
            var actions: [Action] = []
            if b.roles.remapsUserNamespaces(on: name) {
                actions.append(.installFile(.dockerDaemonJSON(host: name), path: HostPaths.dockerDaemonJSON, mode: "0644"))
            }
            let onOverlay = b.roles.overlay.contains(name)
            if onOverlay {
                actions.append(.installFile(.dockerFlannelDropIn(host: name), path: HostPaths.dockerFlannelDropIn, mode: "0644"))
            }
            actions += [.daemonReload, .enableService("docker")]
            let id = b.add(host: name, name: "docker-daemon", label: "Docker daemon", component: "docker",
                           at: docker.hosts.location, actions)
            if onOverlay, let overlay {
                b.depend(id, on: PlanBuilder.id(name, "flanneld"),
                         "Docker takes its bridge address and MTU from flanneld's subnet.env", at: overlay.location)
            }
        }
    }
}
