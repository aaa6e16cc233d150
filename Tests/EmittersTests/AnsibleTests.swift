import Foundation
import Model
import Planner
import TestSupport
import Testing
@testable import Emitters

/// The Ansible emitters as pure functions of a plan: phases and hosts checked
/// by hand, names that YAML 1.1 (PyYAML, which Ansible uses) would misread,
/// IPv6 addresses, and determinism.
@Suite struct AnsibleTests {
    @Test func phasesOfTheFlannelSeed() throws {
        let (_, plan) = try ScriptFixtures.seed("flannel-userns.yaml")
        let phases = AnsiblePlaybook.hostsByPhase(plan)
        // node1 carries both kvdbs, so the chains through etcd run on it alone;
        // every host joins in for the kernel, flanneld, docker and Portworx.
        let all = ["node1", "node2", "node3"]
        let expected: [[String]] = [all, ["node1"], ["node1"], all, all, ["node1"], ["node1"], all, ["node1"]]
        #expect(phases.map { $0.phase } == Array(1...9))
        #expect(phases.map { $0.hosts } == expected)
    }

    @Test func workstationPhasesRunOnLocalhost() throws {
        let (topology, plan) = try ScriptFixtures.seed("ecs-demo.yaml")
        let phases = AnsiblePlaybook.hostsByPhase(plan)
        #expect(phases.map { $0.hosts } == [["ecs1", "ecs2", "ecs3", "workstation"], ["ecs1", "workstation"], ["ecs1"], ["workstation"]])
        let site = AnsiblePlaybook.render(plan)
        #expect(site.contains("- name: \"phase 4 of 4\"\n  hosts:\n    - localhost\n"))
        #expect(!site.contains("- workstation"))
        let inventory = AnsibleInventory.render(topology, plan: plan)
        #expect(inventory.contains("    topoc_workstation:\n      hosts:\n        localhost:\n          ansible_connection: local\n"))
    }

    @Test func noWorkstationNoLocalhost() throws {
        let (topology, plan) = try ScriptFixtures.seed("flannel-userns.yaml")
        #expect(!AnsibleInventory.render(topology, plan: plan).contains("localhost"))
        #expect(!AnsiblePlaybook.render(plan).contains("localhost"))
    }

    static let oddNames = """
    version: 1
    name: odd
    defaults: {os: ubuntu2204}
    subnets:
      v6: {cidr: "fd00::/64"}
    hosts:
      "no": {ifaces: {eth0: {subnet: v6, address: "fd00::a"}}}
      "on": {ifaces: {eth0: {subnet: v6, address: "fd00::b"}}}
      "1": {ifaces: {eth0: {subnet: v6, address: "fd00::c"}}}
    kvdbs:
      my-etcd: {engine: etcd, version: "3.5", run: host, members: ["no", "on", "1"]}
    """

    /// Host names YAML 1.1 reads as booleans or numbers are quoted, so PyYAML
    /// hands Ansible the same strings; IPv6 addresses go in unbracketed.
    @Test func namesYAMLWouldMisreadAreQuoted() throws {
        let topology = try Support.topology(Self.oddNames)
        let plan = try #require(Planner.plan(topology).plan)
        let inventory = AnsibleInventory.render(topology, plan: plan)
        #expect(inventory.contains("        \"no\":\n          ansible_host: \"fd00::a\"\n"))
        #expect(inventory.contains("        \"1\":\n          ansible_host: \"fd00::c\"\n"))
        #expect(inventory.contains("    topoc_etcd_my_etcd:\n      hosts:\n        \"no\":\n        \"on\":\n        \"1\":\n"))
        let site = AnsiblePlaybook.render(plan)
        #expect(site.contains("    - \"no\"\n    - \"on\"\n    - \"1\"\n"))
        // PyYAML reads them back as the strings they are.
        let dir = try Scratch.directory("ansible")
        defer { Scratch.remove(dir) }
        try inventory.write(to: dir.appendingPathComponent("inventory.yml"), atomically: true, encoding: .utf8)
        try site.write(to: dir.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let script = """
        import sys, yaml
        inv = yaml.safe_load(open(sys.argv[1] + "/inventory.yml"))
        site = yaml.safe_load(open(sys.argv[1] + "/site.yml"))
        print(sorted(inv["all"]["children"]["topoc_hosts"]["hosts"]))
        print(site[1]["hosts"])
        """
        let r = try Subprocess.run(["python3", "-c", script, dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "['1', 'no', 'on']\n['no', 'on', '1']\n")
    }

    @Test func outputIsDeterministic() throws {
        for seed in ScriptFixtures.seeds {
            let (topology, plan) = try ScriptFixtures.seed(seed)
            #expect(AnsibleInventory.render(topology, plan: plan) == AnsibleInventory.render(topology, plan: plan))
            #expect(AnsiblePlaybook.render(plan) == AnsiblePlaybook.render(plan))
            let files = OutputTree.build(topology, plan: plan).map { $0.path }
            #expect(files.contains("ansible/inventory.yml") && files.contains("ansible/site.yml"))
        }
    }

    @Test func aPlanWithoutStepsStillParses() throws {
        let plan = Plan(name: "empty", hosts: ["a"], steps: [], edges: [])
        let site = AnsiblePlaybook.render(plan)
        #expect(site.contains("- name: nothing to roll out\n  hosts: localhost\n"))
        #expect(!site.contains("copy each host's setup.sh"))
    }
}
