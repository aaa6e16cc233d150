import Model

/// Kernel and user-database preparation for Docker's user-namespace remapping.
enum UsernsSteps {
    static let kernelArguments = ["user_namespace.enable=1", "namespace.unpriv_enable=1"]

    /// userns-kernel (CentOS 7 only: newer kernels have user namespaces on) and
    /// subordinate-ids, on every host whose daemon remaps.
    static func add(to b: inout PlanBuilder) {
        guard let docker = b.topology.docker, let remap = docker.usernsRemap, let user = docker.remapUser else { return }
        for host in b.topology.hosts where b.roles.remapsUserNamespaces(on: host.name.value) && host.os.value == .centos7 {
            let name = host.name.value
            b.add(host: name, name: "userns-kernel", label: "kernel user namespaces", component: "userns", at: remap.location, [
                .kernelArguments(kernelArguments),
                .installFile(.usernsSysctl(host: name), path: HostPaths.usernsSysctl, mode: "0644"),
                .sysctl(key: "user.max_user_namespaces", value: "15000"),
            ])
        }
        let group = remapGroup(remap.value) ?? user
        for host in b.topology.hosts where b.roles.remapsUserNamespaces(on: host.name.value) {
            var actions: [Action] = [.ensureUser(user)]
            if let ids = docker.subordinateIDs {
                let range = ":\(ids.start.value):\(ids.count.value)"
                actions.append(.appendLine(path: HostPaths.subuid, line: user + range))
                actions.append(.appendLine(path: HostPaths.subgid, line: group + range))
            }
            b.add(host: host.name.value, name: "subordinate-ids", label: "subordinate ids for \(user)", component: "userns",
                  at: docker.subordinateIDs?.location ?? remap.location, actions)
        }
    }

    /// Edges into the daemon: it cannot remap before the ids and the kernel allow it.
    static func addEdges(to b: inout PlanBuilder) {
        guard let docker = b.topology.docker, let remap = docker.usernsRemap, let user = docker.remapUser else { return }
        for host in b.topology.hosts where b.roles.remapsUserNamespaces(on: host.name.value) {
            let name = host.name.value
            let daemon = PlanBuilder.id(name, "docker-daemon")
            b.depend(daemon, on: PlanBuilder.id(name, "userns-kernel"),
                     "the kernel must allow user namespaces before Docker remaps to them", at: remap.location)
            b.depend(daemon, on: PlanBuilder.id(name, "subordinate-ids"),
                     "dockerd --userns-remap needs \(user)'s ranges in /etc/subuid and /etc/subgid",
                     at: docker.subordinateIDs?.location ?? remap.location)
        }
    }

    /// `user:group` remaps name the subgid owner after the colon.
    private static func remapGroup(_ remap: String) -> String? {
        guard remap != "default", let colon = remap.firstIndex(of: ":") else { return nil }
        let g = remap[remap.index(after: colon)...]
        return g.isEmpty ? nil : String(g)
    }
}
