import Foundation
import Testing

/// Every unit and drop-in of every host passes `systemd-analyze verify` under a
/// scratch root, and every command line in them reads back (by an independent
/// reader of systemd's syntax) without unknown specifiers or stray `$` references.
@Suite struct SystemdTests {
    /// Assembles one host's units under a scratch root with stub executables and
    /// stand-ins for the distribution's units the generated ones depend on, then
    /// runs `systemd-analyze verify` on every unit (and docker.service with its drop-ins).
    static func verify(_ units: [(path: String, bytes: [UInt8])]) throws -> Tool.Result {
        let root = try Scratch.directory("systemd")
        defer { Scratch.remove(root) }
        for tool in ["docker", "dockerd", "flanneld", "etcd"] {
            try Scratch.write("#!/bin/sh\nexit 0\n", to: root.appendingPathComponent("usr/bin/\(tool)"), executable: true)
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
        return try Tool.run(["systemd-analyze", "verify", "--man=no", "--recursive-errors=no", "--root=\(root.path)"] + names)
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
}
