import Model

/// Kernel and user-database preparation for Docker's user-namespace remapping.
enum UsernsSteps {
    static let kernelArguments = ["user_namespace.enable=1", "namespace.unpriv_enable=1"]
    static let kernelStep = "userns-kernel"
    static let subordinateStep = "subordinate-ids"

    /// userns-kernel (CentOS 7 only: newer kernels have user namespaces on) and
    /// subordinate-ids, on every host whose daemon remaps.
    static func add(to b: inout PlanBuilder) {
        guard let docker = b.topology.docker, let remap = docker.usernsRemap, let user = docker.remapUser else { return }
        let kernel = b.name(kernelStep), subordinate = b.name(subordinateStep)
        // By index: copying a Host out of the array would retain each of its fields.
        for i in b.topology.hosts.indices where b.roles.remapsUserNamespaces(at: i) && b.topology.hosts[i].os.value == .centos7 {
            let name = b.topology.hosts[i].name.value
            b.add(b.ref(b.ranksByPosition[i], kernel), label: "kernel user namespaces", component: "userns", at: remap.location, [
                .kernelArguments(kernelArguments),
                .installFile(.usernsSysctl(host: name), path: HostPaths.usernsSysctl, mode: "0644"),
                .sysctl(key: "user.max_user_namespaces", value: "15000"),
            ])
        }
        let group = remapGroup(remap.value) ?? user
        // The same actions on every host: built once (and not at all for a skeleton).
        let actions: [Action] = b.skeleton ? [] : {
            var actions: [Action] = [.ensureUser(user)]
            if let ids = docker.subordinateIDs {
                let range = ":\(ids.start.value):\(ids.count.value)"
                actions.append(.appendLine(path: HostPaths.subuid, line: user + range))
                actions.append(.appendLine(path: HostPaths.subgid, line: group + range))
            }
            return actions
        }()
        let label = b.skeleton ? "" : "subordinate ids for \(user)"
        for i in b.topology.hosts.indices where b.roles.remapsUserNamespaces(at: i) {
            b.add(b.ref(b.ranksByPosition[i], subordinate), label: label, component: "userns",
                  at: docker.subordinateIDs?.location ?? remap.location, actions)
        }
    }

    /// Edges into the daemon: it cannot remap before the ids and the kernel allow it.
    static func addEdges(to b: inout PlanBuilder) {
        guard let docker = b.topology.docker, let remap = docker.usernsRemap, let user = docker.remapUser else { return }
        let daemonStep = b.name(DockerSteps.daemonStep), kernel = b.name(kernelStep), subordinate = b.name(subordinateStep)
        for i in b.topology.hosts.indices where b.roles.remapsUserNamespaces(at: i) {
            let rank = b.ranksByPosition[i]
            let daemon = b.ref(rank, daemonStep)
            b.depend(daemon, on: b.ref(rank, kernel),
                     "the kernel must allow user namespaces before Docker remaps to them", at: remap.location)
            b.depend(daemon, on: b.ref(rank, subordinate),
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
