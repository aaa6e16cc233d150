import Foundation
import Planner
import TestSupport
import Testing

/// Every unit and drop-in of every host passes `systemd-analyze verify` under a
/// scratch root, and every command line in them reads back (by an independent
/// reader of systemd's syntax) without unknown specifiers or stray `$` references.
@Suite struct SystemdTests {
    /// Assembles one host's units under a scratch root with stub executables and
    /// stand-ins for the distribution's units the generated ones depend on, then
    /// runs `systemd-analyze verify` on every unit (and docker.service with its drop-ins).
    static func verify(_ units: [(path: String, bytes: [UInt8])]) throws -> Subprocess.Result {
        let root = try Scratch.directory("systemd")
        defer { Scratch.remove(root) }
        for tool in ["usr/bin/docker", "usr/bin/dockerd", "usr/bin/flanneld", "usr/bin/etcd", "bin/sh"] {
            try Scratch.write("#!/bin/sh\nexit 0\n", to: root.appendingPathComponent(tool), executable: true)
        }
        let generated = Set(units.map { ($0.path as NSString).lastPathComponent })
        let standIns = [
            "docker.service": "[Unit]\nDescription=stand-in for docker-ce's docker.service\n[Service]\nExecStart=/usr/bin/dockerd -H fd://\n",
            "flanneld.service": "[Unit]\nDescription=stand-in for the distribution's flanneld.service\n[Service]\nType=notify\nExecStart=/usr/bin/flanneld\n",
            "etcd.service": "[Unit]\nDescription=stand-in for the distribution's etcd.service\n[Service]\nType=notify\nExecStart=/usr/bin/etcd\n",
        ]
        for (name, text) in standIns where !generated.contains(name) {
            try Scratch.write(text, to: root.appendingPathComponent("lib/systemd/system/\(name)"))
        }
        for unit in units { try Scratch.write(unit.bytes, to: root.appendingPathComponent(unit.path)) }
        var names = units.map { "/" + $0.path }.filter { $0.hasSuffix(".service") }
        if units.contains(where: { $0.path.contains("docker.service.d/") }) { names.append("docker.service") }
        return try Subprocess.run(["systemd-analyze", "verify", "--man=no", "--recursive-errors=no", "--root=\(root.path)"] + names)
    }

    static func hostUnits(_ spec: CompiledSpec, _ host: String) -> [(path: String, bytes: [UInt8])] {
        spec.installedFiles(on: host).filter { $0.path.hasPrefix("etc/systemd/system/") }.map { ($0.path, $0.file.bytes) }
    }

    @Test(arguments: Specs.all)
    func everyUnitPassesSystemdAnalyzeVerify(_ spec: CompiledSpec) throws {
        guard Tool.require("systemd-analyze") else { return }
        for host in spec.hosts {
            let units = Self.hostUnits(spec, host)
            if units.isEmpty { continue }
            let result = try Self.verify(units)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(spec.file) \(host): \(result.output)")
        }
    }

    @Test(arguments: Specs.all)
    func everyCommandLineReadsBack(_ spec: CompiledSpec) throws {
        for (host, file) in spec.units {
            let unit = UnitReader(String(decoding: file.bytes, as: UTF8.self))
            for key in ["ExecStartPre", "ExecStart", "ExecStop"] {
                for value in unit.values(key) where !value.isEmpty {
                    let command = try UnitReader.command(value)
                    #expect(command.argv.first?.hasPrefix("/") == true, "\(host) \(file.path): \(key) is not an absolute path")
                    // Only the flannel drop-in refers to the environment, and only to subnet.env.
                    #expect(Set(command.references).isSubset(of: ["FLANNEL_SUBNET", "FLANNEL_MTU"]), "\(host) \(file.path): \(command.references)")
                    if !command.references.isEmpty {
                        #expect(unit.values("EnvironmentFile").contains("/run/flannel/subnet.env"), "\(file.path)")
                    }
                }
            }
        }
    }

    /// With task IAM roles, the agent's unit adds the credential nat rules on
    /// every start, since they do not survive a reboot: its ExecStartPre lines,
    /// read back as systemd splits them and run against a stub iptables that
    /// keeps its rules, add each rule of the plan exactly once over two starts.
    @Test func ecsAgentUnitReappliesTheCredentialRulesOnce() throws {
        let specs = Specs.all.filter { $0.topology.ecs?.agent.taskIAMRole?.value == true }
        #expect(!specs.isEmpty, "no spec enables task IAM roles")
        for spec in specs {
            let (host, file) = try #require(spec.units.first { $0.file.path.hasSuffix("/ecs-agent.service") })
            let unit = UnitReader(String(decoding: file.bytes, as: UTF8.self))
            let commands = try unit.values("ExecStartPre").filter { $0.hasPrefix("/bin/sh ") }.map { try UnitReader.command($0).argv }
            #expect(commands.count == Plan.ecsCredentialRules.count, "\(spec.file) \(host): \(commands)")
            let dir = try Scratch.directory("iptables")
            defer { Scratch.remove(dir) }
            try StubCommands.install(in: dir)
            let env = ["PATH": dir.path + ":/usr/bin:/bin", "TOPOC_STUB_STATE": dir.path]
            for _ in 0..<2 {
                for argv in commands {
                    let r = try Subprocess.run(argv, environment: env)
                    #expect(r.status == 0, "\(argv): \(r.output)")
                }
            }
            let log = (try? String(contentsOf: dir.appendingPathComponent("calls.log"), encoding: .utf8)) ?? ""
            let added = log.split(separator: "\n").filter { $0.hasPrefix("M iptables") }.map(String.init)
            #expect(added == Plan.ecsCredentialRules.map { "M iptables " + (["-t", "nat", "-A", $0.chain] + $0.rule).joined(separator: " ") },
                    "\(spec.file): \(log)")
        }
    }
}
