import Model
import Planner

/// The three container units: etcd-<kvdb>.service, portworx.service and
/// ecs-agent.service, each a `ContainerUnit` around its `ContainerRun`.
enum ContainerUnits {
    static func etcd(kvdb name: String, member: String, _ context: FileRenderContext) -> String {
        guard let run = context.topology.kvdb(named: name)?.runSpec, run.members.contains(where: { $0.value == member })
        else { return missing("kvdb '\(name)' has no member '\(member)'", context) }
        var notes = ["etcd member '\(member)' of kvdb '\(name)', in a container (network \(run.network.value.rawValue))."]
        if run.network.value == .bridge {
            notes.append("It listens on 0.0.0.0 inside the container for every published port and advertises the host's address.")
        }
        let unit = ContainerUnit(run: Containers.etcd(kvdb: name, member: member, context),
                                 description: "etcd member \(member) of kvdb \(name) (container etcd-\(name))",
                                 notes: notes)
        return unit.render(spec: context.specName)
    }

    static func portworx(host: String, _ context: FileRenderContext) -> String {
        let t = context.topology
        guard let px = t.portworx else { return missing("the spec has no portworx section", context) }
        var after: [String] = []
        if let kvdb = t.kvdb(named: px.kvdb.value), let run = kvdb.runSpec, run.members.contains(where: { $0.value == host }) {
            // Its kvdb runs on this host too: start Portworx after it.
            after.append(run.run.value == .container ? "etcd-\(kvdb.name.value).service" : "etcd.service")
        }
        var notes = ["Portworx (docker-run install): host network, privileged."]
        if context.roles.remapsUserNamespaces(on: host) {
            notes.append("--userns=host: the daemon remaps user namespaces and refuses privileged or host-network containers without it.")
        }
        let unit = ContainerUnit(run: Containers.portworx(host: host, context),
                                 description: "Portworx storage node (container portworx)",
                                 notes: notes, after: after)
        return unit.render(spec: context.specName)
    }

    static func ecsAgent(host: String, _ context: FileRenderContext) -> String {
        guard let ecs = context.topology.ecs else { return missing("the spec has no ecs section", context) }
        var notes = ["Amazon ECS container agent. The guide's --restart=on-failure:10 is systemd's",
                     "Restart=on-failure with at most 10 starts in 10 minutes."]
        if context.roles.remapsUserNamespaces(on: host) {
            notes.append("--userns=host: the daemon remaps user namespaces and refuses host-network containers without it.")
        }
        var preStart: [String] = []
        if ecs.agent.taskIAMRole?.value == true {
            notes.append("Task IAM roles: the nat rules to the agent's credential endpoint are added on every start (unless present),")
            notes.append("since iptables rules do not survive a reboot.")
            preStart = Plan.ecsCredentialRules.map { r in
                let check = ["iptables", "-t", "nat", "-C", r.chain] + r.rule
                let add = ["iptables", "-t", "nat", "-A", r.chain] + r.rule
                return UnitFile.command("/bin/sh", ["-c", ShellWord.command(check) + " || " + ShellWord.command(add)])
            }
        }
        let unit = ContainerUnit(run: Containers.ecsAgent(host: host, context),
                                 description: "Amazon ECS container agent (container ecs-agent)",
                                 notes: notes, restart: "on-failure", startLimit: (burst: 10, interval: 600), preStart: preStart)
        return unit.render(spec: context.specName)
    }

    /// What a renderer writes for a reference the topology cannot resolve (a
    /// checked plan never asks for one): a comment, never a crash.
    static func missing(_ what: String, _ context: FileRenderContext) -> String {
        GeneratedHeader.lines(spec: context.specName, comment: "#") + "# nothing to render: " + GeneratedHeader.commentText(what) + "\n"
    }
}
