import Model

/// The ECS agent on every container instance and the Docker volumes its tasks use.
enum ECSSteps {
    /// AWS's documented rules sending the task-credentials address to the agent.
    static let credentialRules = Plan.ecsCredentialRules


    static let agentStep = "ecs-agent"
    static func volumeStep(_ volume: String) -> String { "volume-" + volume }

    static func add(to b: inout PlanBuilder) {
        guard let ecs = b.topology.ecs else { return }
        let ranks = b.ranks(of: ecs.hosts)
        let agent = b.name(agentStep), daemon = b.name(DockerSteps.daemonStep)
        for rank in ranks {
            let name = b.hostName(rank)
            // Built only when the plan is (a skeleton for lint skips it).
            let actions: () -> [Action] = {
                var actions: [Action] = []
                if ecs.agent.taskIAMRole?.value == true {
                    actions.append(.installFile(.ecsSysctl(host: name), path: HostPaths.ecsSysctl, mode: "0644"))
                    actions.append(.sysctl(key: "net.ipv4.conf.all.route_localnet", value: "1"))
                    for r in credentialRules { actions.append(.iptablesRule(table: "nat", chain: r.chain, rule: r.rule)) }
                }
                actions += [
                    .ensureDirectory(path: "/var/log/ecs", owner: nil, mode: "0755"),
                    .ensureDirectory(path: "/var/lib/ecs/data", owner: nil, mode: "0755"),
                    .installFile(.ecsAgentUnit(host: name), path: HostPaths.ecsAgentUnit, mode: "0644"),
                    .daemonReload,
                    .enableService("ecs-agent"),
                ]
                return actions
            }
            let id = b.add(b.ref(rank, agent), label: "ECS agent", component: "ecs", at: ecs.hosts.location, actions())
            b.depend(id, on: b.ref(rank, daemon),
                     "the ECS agent runs as a container on \(name)'s Docker daemon", at: ecs.hosts.location)
        }
        guard let firstRank = ranks.first else { return }
        let first = b.hostName(firstRank)
        let ready = PortworxSteps.readyRef(&b)
        for volume in ecs.volumes {
            let v = volume.name.value
            var create = ["docker", "volume", "create"]
            if let d = volume.driver?.value { create += ["-d", d] }
            create += ["--name", v]
            for opt in volume.driverOpts { create += ["--opt", opt.key.value + "=" + opt.value.value] }
            let id = b.add(b.ref(firstRank, b.name(volumeStep(v))), label: "volume \(v)", component: "ecs", at: volume.name.location, [
                .runOnce(description: "create Docker volume \(v)", check: ["docker", "volume", "inspect", v], command: create, environment: []),
            ])
            b.depend(id, on: b.ref(firstRank, daemon),
                     "docker volume create talks to \(first)'s Docker daemon", at: volume.name.location)
            if volume.driver?.value == "pxd", let ready {
                b.depend(id, on: ready, "volume \(v) uses the pxd driver, which Portworx provides",
                         at: volume.driver?.location ?? volume.name.location)
            }
        }
    }
}

extension Plan {
    /// AWS's documented nat-table rules sending the task-credentials address
    /// (169.254.170.2:80) to the ECS agent, for task IAM roles. setup.sh adds
    /// them, and the agent's unit adds them again on every start, since
    /// iptables rules do not survive a reboot.
    public static let ecsCredentialRules: [(chain: String, rule: [String])] = [
        ("PREROUTING", ["-p", "tcp", "-d", "169.254.170.2", "--dport", "80", "-j", "DNAT", "--to-destination", "127.0.0.1:51679"]),
        ("OUTPUT", ["-d", "169.254.170.2", "-p", "tcp", "-m", "tcp", "--dport", "80", "-j", "REDIRECT", "--to-ports", "51679"]),
    ]
}
