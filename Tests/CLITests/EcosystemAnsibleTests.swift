import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// `ansible/inventory.yml` and `ansible/site.yml` of both seed specs, handed to
/// ansible-core itself: the playbook parses, the inventory lists every host at
/// its address, the plays follow plan.json's phases, and a run against stub
/// scripts on this machine keeps phase order and stops at a failure.
@Suite(.serialized) struct EcosystemAnsibleTests {
    static let seeds: [(name: String, addresses: [String: String])] = [
        ("px-flannel-userns", ["node1": "10.0.6.234", "node2": "10.0.6.235", "node3": "10.0.6.236"]),
        ("px-ecs-demo", ["ecs1": "172.31.5.10", "ecs2": "172.31.5.11", "ecs3": "172.31.5.12"]),
    ]

    static let ansibleEnvironment = ["ANSIBLE_NOCOLOR": "1", "ANSIBLE_HOST_KEY_CHECKING": "False", "ANSIBLE_RETRY_FILES_ENABLED": "False"]

    func requireAnsible() throws {
        try #require(Subprocess.which("ansible-playbook") != nil && Subprocess.which("ansible-inventory") != nil, Ecosystem.missing("ansible-core"))
    }

    /// Ansible's warnings about the files (a group name it dislikes, a host and
    /// a group of one name, ...), leaving out plugin-loading trouble of the
    /// machine (a full /dev/shm), which says nothing about what topoc wrote.
    static func warnings(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains("WARNING") && !$0.contains("plugin load") }
    }

    /// Runs an ansible command in a compiled tree's ansible/ directory.
    func ansible(_ argv: [String], tree: URL) throws -> Subprocess.Result {
        try Subprocess.run(argv, environment: Self.ansibleEnvironment, in: tree.appendingPathComponent("ansible"))
    }

    /// plan.json's nodes, in plan order.
    func planNodes(_ tree: URL) throws -> [[String: Any]] {
        let plan = try #require(try Ecosystem.json(String(contentsOf: tree.appendingPathComponent("plan.json"), encoding: .utf8)) as? [String: Any])
        return try #require(plan["nodes"] as? [[String: Any]])
    }

    @Test func playbooksPassSyntaxCheck() throws {
        try requireAnsible()
        let out = try Ecosystem.compiledSeeds()
        defer { Scratch.remove(out) }
        for seed in Self.seeds {
            let r = try ansible(["ansible-playbook", "--syntax-check", "-i", "inventory.yml", "site.yml"], tree: out.appendingPathComponent(seed.name))
            #expect(r.status == 0, "\(seed.name): \(r.stdout)\(r.stderr)")
            #expect(Self.warnings(r.stderr).isEmpty, "\(seed.name): \(r.stderr)")
        }
    }

    @Test func inventoryListsEveryHostAtItsAddress() throws {
        try requireAnsible()
        let out = try Ecosystem.compiledSeeds()
        defer { Scratch.remove(out) }
        for seed in Self.seeds {
            let r = try ansible(["ansible-inventory", "-i", "inventory.yml", "--list"], tree: out.appendingPathComponent(seed.name))
            try #require(r.status == 0, "\(seed.name): \(r.stderr)")
            #expect(Self.warnings(r.stderr).isEmpty, "\(seed.name): \(r.stderr)")
            let list = try #require(try Ecosystem.json(r.stdout) as? [String: Any])
            let hostvars = try #require((list["_meta"] as? [String: Any])?["hostvars"] as? [String: [String: Any]])
            for (host, address) in seed.addresses {
                #expect(hostvars[host]?["ansible_host"] as? String == address, "\(seed.name): \(host)")
                #expect(hostvars[host]?["ansible_become"] as? Bool == true)
                #expect(hostvars[host]?["topoc_setup_sh"] as? String == "/var/lib/topoc/\(seed.name)/setup.sh")
            }
            func members(_ group: String) -> [String] { ((list[group] as? [String: Any])?["hosts"] as? [String]) ?? [] }
            #expect(members("topoc_hosts") == seed.addresses.keys.sorted())
            if seed.name == "px-flannel-userns" {
                // Both kvdbs run on node1 alone; all three are on the overlay and run Portworx.
                #expect(members("topoc_etcd_flannel_etcd") == ["node1"])
                #expect(members("topoc_etcd_px_etcd") == ["node1"])
                #expect(members("topoc_overlay") == ["node1", "node2", "node3"])
                #expect(members("topoc_portworx") == ["node1", "node2", "node3"])
                #expect(members("topoc_os_centos7") == ["node1", "node2", "node3"])
                #expect(members("topoc_ecs").isEmpty && members("topoc_workstation").isEmpty)
                #expect(hostvars["localhost"] == nil)
            } else {
                // The kvdb is external: no etcd group. The workstation runs locally.
                #expect(!list.keys.contains { $0.hasPrefix("topoc_etcd_") })
                #expect(members("topoc_ecs") == ["ecs1", "ecs2", "ecs3"])
                #expect(members("topoc_portworx") == ["ecs1", "ecs2", "ecs3"])
                #expect(members("topoc_overlay").isEmpty)
                #expect(members("topoc_workstation") == ["localhost"])
                #expect(hostvars["localhost"]?["ansible_connection"] as? String == "local")
                #expect(hostvars["localhost"]?["topoc_setup_sh"] as? String == "{{ playbook_dir }}/../workstation/setup.sh")
            }
        }
    }

    /// site.yml read by PyYAML (the YAML library Ansible uses) and compared with
    /// plan.json: a first play copies setup.sh to every host with steps, then one
    /// play per phase, in order, on exactly the hosts with steps in that phase.
    @Test func playsFollowThePlanPhasesInOrder() throws {
        let out = try Ecosystem.compiledSeeds()
        defer { Scratch.remove(out) }
        for seed in Self.seeds {
            let tree = out.appendingPathComponent(seed.name)
            let nodes = try planNodes(tree)
            var expected: [(phase: Int, hosts: [String])] = []
            for phase in Set(nodes.compactMap { $0["phase"] as? Int }).sorted() {
                var hosts: [String] = []
                for n in nodes where n["phase"] as? Int == phase {
                    let host = n["host"] as? String == "workstation" ? "localhost" : (n["host"] as? String ?? "")
                    if !hosts.contains(host) { hosts.append(host) }
                }
                expected.append((phase, hosts))
            }
            let converted = try Subprocess.run(["python3", "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
                                           tree.appendingPathComponent("ansible/site.yml").path])
            try #require(converted.status == 0, "PyYAML could not read site.yml: \(converted.stderr)")
            let plays = try #require(try Ecosystem.json(converted.stdout) as? [[String: Any]])
            try #require(plays.count == expected.count + 1, "\(seed.name): \(plays.count) plays for \(expected.count) phases")
            let copy = plays[0]
            #expect(copy["hosts"] as? [String] == seed.addresses.keys.sorted())
            #expect(copy["tags"] as? [String] == ["always"])
            for (play, want) in zip(plays.dropFirst(), expected) {
                #expect((play["vars"] as? [String: Any])?["topoc_phase"] as? Int == want.phase, "\(seed.name): \(play)")
                #expect(play["hosts"] as? [String] == want.hosts, "\(seed.name) phase \(want.phase)")
                #expect(play["serial"] == nil && play["strategy"] == nil, "phases run their hosts in parallel")
                #expect(play["any_errors_fatal"] as? Bool == true)
                let tasks = try #require(play["tasks"] as? [[String: Any]])
                let command = try #require(tasks.first?["ansible.builtin.command"] as? [String: Any])
                #expect(command["argv"] as? [String] == ["{{ topoc_setup_sh }}", "--phase", "{{ topoc_phase }}"])
                #expect(tasks.contains { $0["ansible.builtin.reboot"] != nil && $0["when"] as? String == "topoc_result.rc == 3" })
            }
        }
    }

    /// A real run on this machine: every host of the plan is reached over the
    /// local connection and its setup.sh replaced by a stub that logs "host
    /// phase" (the copy play is skipped with --skip-tags always). The log must
    /// hold exactly plan.json's (host, phase) pairs with phases never going back.
    @Test func aRunKeepsPhaseOrderAndStopsAtAFailure() throws {
        try requireAnsible()
        let out = try Ecosystem.compiledSeeds()
        defer { Scratch.remove(out) }
        for seed in Self.seeds {
            let tree = out.appendingPathComponent(seed.name)
            let nodes = try planNodes(tree)
            var pairs = Set<String>()
            for n in nodes { pairs.insert("\(n["host"] as? String ?? "") \(n["phase"] as? Int ?? 0)") }
            let ok = try stubRun(tree, hosts: Array(seed.addresses.keys) + ["workstation"], failing: nil)
            #expect(ok.result.status == 0, "\(seed.name): \(ok.result.stdout)\(ok.result.stderr)")
            #expect(Set(ok.log) == pairs, "\(seed.name): \(ok.log)")
            #expect(ok.log.count == pairs.count, "each host runs each of its phases once")
            let phases = ok.log.compactMap { Int($0.split(separator: " ").last ?? "") }
            #expect(phases == phases.sorted(), "\(seed.name): phases ran out of order: \(ok.log)")
        }
        // flannel-userns: node2 fails in phase 4; nothing of phase 5 runs anywhere.
        let flannel = out.appendingPathComponent("px-flannel-userns")
        let failed = try stubRun(flannel, hosts: ["node1", "node2", "node3"], failing: ("node2", 4, 1))
        #expect(failed.result.status != 0)
        #expect(failed.log.contains("node2 4") && !failed.log.contains { $0.hasSuffix(" 5") }, "\(failed.log)")
        // Exit 3 on a host is not a failure: the playbook goes on to reboot it
        // (which the reboot module refuses over a local connection, so the test
        // machine stays up) ...
        let reboot = try stubRun(flannel, hosts: ["node1", "node2", "node3"], failing: ("node1", 1, 3))
        #expect(reboot.result.status != 0)
        #expect(reboot.result.stdout.contains("would reboot the control node"), "\(reboot.result.stdout)")
        // ... but on the workstation, the operator's own machine, exit 3 fails
        // the run before any reboot is tried.
        let ecs = out.appendingPathComponent("px-ecs-demo")
        let workstation = try stubRun(ecs, hosts: ["ecs1", "ecs2", "ecs3", "workstation"], failing: ("workstation", 1, 3))
        #expect(workstation.result.status != 0)
        #expect(!workstation.result.stdout.contains("would reboot"), "\(workstation.result.stdout)")
        #expect(!workstation.log.contains { $0.hasSuffix(" 2") })
    }

    /// Runs site.yml with every host local and its script a stub; `failing`
    /// makes one host's stub exit with a status in one phase.
    func stubRun(_ tree: URL, hosts: [String], failing: (host: String, phase: Int, status: Int)?) throws -> (result: Subprocess.Result, log: [String]) {
        let scratch = try Scratch.directory("cli")
        defer { Scratch.remove(scratch) }
        let log = scratch.appendingPathComponent("log").path
        var inventory = "all:\n  hosts:\n"
        for host in hosts.sorted() {
            let stub = scratch.appendingPathComponent("\(host).sh")
            var body = "#!/bin/sh\n[ \"$1\" = --phase ] || exit 9\necho \"\(host) $2\" >> '\(log)'\n"
            if let f = failing, f.host == host { body += "[ \"$2\" = \(f.phase) ] && exit \(f.status)\n" }
            body += "exit 0\n"
            try Scratch.write(body, to: stub, executable: true)
            let name = host == "workstation" ? "localhost" : host
            inventory += "    \(name):\n      ansible_connection: local\n      ansible_become: false\n"
            inventory += "      ansible_python_interpreter: /usr/bin/python3\n      topoc_setup_sh: '\(stub.path)'\n"
        }
        let stubs = scratch.appendingPathComponent("stubs.yml")
        try inventory.write(to: stubs, atomically: true, encoding: .utf8)
        let argv = ["ansible-playbook", "-i", "inventory.yml", "-i", stubs.path, "--skip-tags", "always", "site.yml"]
        var result = try ansible(argv, tree: tree)
        // A run whose recap lists no host never reached one: ansible's workers
        // could not start (on a shared machine, a full /dev/shm). Try again
        // rather than blame the playbook; any real run lists its hosts.
        for _ in 0..<2 where !result.stdout.contains(" ok=") {
            sleep(3)
            try? FileManager.default.removeItem(atPath: log)
            result = try ansible(argv, tree: tree)
        }
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        return (result, lines)
    }
}
