import Model
import Planner

/// `ansible/inventory.yml`: every host of the spec at its address, grouped by
/// the part it plays, so an operator can aim ad-hoc commands at "the etcd
/// members of px-etcd" or "the Portworx nodes" without retyping the spec.
///
/// Every group name starts with `topoc_` and contains an underscore, which a
/// topoc name never does: a group can never share a name with a host.
public enum AnsibleInventory {
    /// Where each host's setup.sh is copied to (see AnsiblePlaybook).
    public static func remoteScript(plan name: String) -> String { "/var/lib/topoc/\(name)/setup.sh" }

    /// The Ansible host name of the workstation: the machine running ansible-playbook.
    public static let workstationHost = "localhost"

    public static func render(_ topology: Topology, plan: Plan) -> String {
        let name = topology.name.value
        let roles = HostRoles(topology)
        var out = GeneratedHeader.lines(spec: name, comment: "#")
        out += "# Ansible inventory of plan \(GeneratedHeader.commentText(name)): every host at its address (ansible_host), grouped by role.\n"
        out += "# Used by site.yml beside it: ansible-playbook -i inventory.yml site.yml\n"
        out += "all:\n  children:\n"
        // Every host, with its address and how setup.sh runs there.
        out += "    topoc_hosts:\n"
        out += "      vars:\n"
        out += "        ansible_become: true\n"
        out += "        topoc_setup_sh: \(YAMLQuoting.quote(remoteScript(plan: name)))\n"
        out += "      hosts:\n"
        for host in topology.hosts {
            out += "        \(YAMLQuoting.scalar(host.name.value)):\n"
            out += "          ansible_host: \(YAMLQuoting.quote(host.address.description))\n"
        }
        for (group, members) in roleGroups(topology, roles: roles) where !members.isEmpty {
            out += "    \(group):\n      hosts:\n"
            for m in members { out += "        \(YAMLQuoting.scalar(m)):\n" }
        }
        if plan.hosts.contains(Plan.workstation) {
            out += "    topoc_workstation:\n"
            out += "      hosts:\n"
            out += "        \(workstationHost):\n"
            out += "          ansible_connection: local\n"
            out += "          ansible_python_interpreter: \(YAMLQuoting.quote("{{ ansible_playbook_python }}"))\n"
            out += "          topoc_setup_sh: \(YAMLQuoting.quote("{{ playbook_dir }}/../workstation/setup.sh"))\n"
        }
        return out
    }

    /// The role groups in a fixed order, each listing hosts in spec order:
    /// one group per kvdb topoc runs, then overlay, docker, portworx, ecs, and
    /// one per operating system.
    static func roleGroups(_ topology: Topology, roles: HostRoles) -> [(String, [String])] {
        var groups: [(String, [String])] = []
        for kvdb in topology.kvdbs {
            guard let run = kvdb.runSpec else { continue }
            groups.append(("topoc_etcd_" + groupSuffix(kvdb.name.value), run.members.map { $0.value }))
        }
        let names = topology.hosts.map { $0.name.value }
        groups.append(("topoc_overlay", names.filter { roles.overlay.contains($0) }))
        groups.append(("topoc_docker", names.filter { roles.dockerConfigured.contains($0) }))
        groups.append(("topoc_portworx", names.filter { roles.portworx.contains($0) }))
        groups.append(("topoc_ecs", names.filter { roles.ecs.contains($0) }))
        for os in OperatingSystem.allCases {
            groups.append(("topoc_os_" + os.rawValue, topology.hosts.filter { $0.os.value == os }.map { $0.name.value }))
        }
        return groups
    }

    /// Ansible warns about `-` in group names; a topoc name has no `_`, so
    /// replacing one by the other keeps distinct names distinct.
    static func groupSuffix(_ name: String) -> String {
        String(name.map { $0 == "-" ? "_" : $0 })
    }
}
