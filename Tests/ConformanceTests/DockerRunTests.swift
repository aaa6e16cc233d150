import Emitters
import Foundation
import Model
import TestSupport
import Testing

/// Every `docker run` line of every container unit, given to the real docker
/// CLI: it must parse (the CLI only fails at reaching a daemon), and against a
/// fake Engine API the container it asks for must be the one the spec implies.
@Suite(.serialized) struct DockerRunTests {
    /// A container unit's `docker run` argv, read back from the unit as systemd
    /// splits it, with the ContainerRun it was written from.
    struct RunLine {
        let host: String
        let unit: String
        let argv: [String]
        let run: ContainerRun
    }

    static func runLines(_ spec: CompiledSpec) throws -> [RunLine] {
        var lines: [RunLine] = []
        for (host, file) in spec.units {
            let reader = UnitReader(String(decoding: file.bytes, as: UTF8.self))
            guard let start = reader.value("ExecStart"), start.hasPrefix("/usr/bin/docker run") else { continue }
            let argv = try UnitReader.command(start).argv
            let unitName = (file.path as NSString).lastPathComponent
            let run: ContainerRun
            if unitName == "portworx.service" { run = Containers.portworx(host: host, in: spec.topology) }
            else if unitName == "ecs-agent.service" { run = Containers.ecsAgent(host: host, in: spec.topology) }
            else if unitName.hasPrefix("etcd-") {
                run = Containers.etcd(kvdb: String(unitName.dropFirst(5).dropLast(8)), member: host, in: spec.topology)
            } else { Issue.record("unknown container unit \(unitName)"); continue }
            lines.append(RunLine(host: host, unit: unitName, argv: argv, run: run))
        }
        return lines
    }

    static let specsWithContainers = Specs.all.filter { (try? runLines($0).isEmpty) == false }

    @Test func someSpecsRunContainers() { #expect(Self.specsWithContainers.count >= 5) }

    /// The unit's command line is exactly the ContainerRun: quoting lost nothing.
    @Test(arguments: specsWithContainers)
    func unitCommandLineIsTheContainerRun(_ spec: CompiledSpec) throws {
        for line in try Self.runLines(spec) {
            #expect(line.argv == ["/usr/bin/docker", "run"] + line.run.dockerRunArguments(), "\(spec.file) \(line.host) \(line.unit)")
        }
    }

    /// With no daemon, a run whose every flag parses fails only at connecting.
    @Test(arguments: specsWithContainers)
    func dockerCLIParsesEveryRun(_ spec: CompiledSpec) throws {
        guard Tool.require("docker") else { return }
        for line in try Self.runLines(spec) {
            let result = try Subprocess.run(["docker"] + line.argv.dropFirst(), environment: ["DOCKER_HOST": "unix:///nonexistent.sock"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("Cannot connect to the Docker daemon"), "\(spec.file) \(line.host) \(line.unit): \(result.stderr)")
        }
    }

    /// The container configuration the CLI sends to an Engine API.
    @Test(arguments: specsWithContainers)
    func containerConfigIsWhatTheSpecImplies(_ spec: CompiledSpec) throws {
        guard Tool.require("docker", Tool.python) else { return }
        let engine = try FakeDockerEngine()
        defer { engine.stop() }
        let roles = HostRoles(spec.topology)
        for line in try Self.runLines(spec) {
            let label = "\(spec.file) \(line.host) \(line.unit)"
            let (result, create) = try engine.run(Array(line.argv.dropFirst()))
            #expect(result.status == 125 && result.stderr.contains("fake engine: recorded"), "\(label): \(result.output)")
            guard let create, let body = create["body"] as? [String: Any], let hc = body["HostConfig"] as? [String: Any] else {
                Issue.record("\(label): no create request recorded"); continue
            }
            #expect((create["query"] as? String)?.hasSuffix("containers/create?name=\(line.run.name)") == true, "\(label): \(create["query"] ?? "")")
            #expect(body["Image"] as? String == line.run.image, "\(label)")
            #expect((body["Cmd"] as? [String] ?? []) == line.run.arguments, "\(label)")
            #expect(hc["AutoRemove"] as? Bool == true, "\(label): --rm")
            // systemd restarts the service: no Docker restart policy.
            let restart = (hc["RestartPolicy"] as? [String: Any])?["Name"] as? String ?? ""
            #expect(restart == "" || restart == "no", "\(label): restart policy \(restart)")
            let remapped = roles.remapsUserNamespaces(on: line.host)
            let userns = hc["UsernsMode"] as? String ?? ""
            let binds = hc["Binds"] as? [String] ?? []
            let env = body["Env"] as? [String] ?? []
            switch line.unit {
            case "portworx.service":
                #expect(hc["Privileged"] as? Bool == true, "\(label)")
                #expect(hc["NetworkMode"] as? String == "host", "\(label)")
                #expect(hc["IpcMode"] as? String == "host", "\(label)")
                #expect(userns == (remapped ? "host" : ""), "\(label): UsernsMode \(userns)")
                // The CLI sends binds in map order: compare as sets, and count for duplicates.
                #expect(Set(binds) == Set(Self.portworxMounts) && binds.count == Self.portworxMounts.count, "\(label): \(binds)")
                try Self.checkPortworxArguments(body["Cmd"] as? [String] ?? [], spec: spec, host: line.host, label: label)
            case "ecs-agent.service":
                #expect(hc["NetworkMode"] as? String == "host", "\(label)")
                #expect(hc["Privileged"] as? Bool != true, "\(label)")
                #expect(userns == (remapped ? "host" : ""), "\(label): UsernsMode \(userns)")
                #expect(Set(binds) == ["/var/run/docker.sock:/var/run/docker.sock", "/var/log/ecs/:/log", "/var/lib/ecs/data:/data"], "\(label)")
                try Self.checkAgentEnvironment(env, spec: spec, host: line.host, label: label)
            default:
                try Self.checkEtcd(body, hc, spec: spec, line: line, remapped: remapped, label: label)
            }
        }
    }

    /// The mounts DOMAIN.md lists for Portworx, plus kernel headers.
    static let portworxMounts = [
        "/run/docker/plugins:/run/docker/plugins", "/var/lib/osd:/var/lib/osd:shared", "/dev:/dev", "/etc/pwx:/etc/pwx",
        "/opt/pwx/bin:/export_bin:shared", "/var/run/docker.sock:/var/run/docker.sock", "/var/cores:/var/cores",
        "/usr/src:/usr/src", "/lib/modules:/lib/modules",
    ]

    static func checkPortworxArguments(_ cmd: [String], spec: CompiledSpec, host: String, label: String) throws {
        let px = try #require(spec.topology.portworx)
        #expect(cmd.first == "-daemon", "\(label)")
        func value(_ flag: String) -> String? { cmd.firstIndex(of: flag).flatMap { $0 + 1 < cmd.count ? cmd[$0 + 1] : nil } }
        #expect(value("-c") == px.clusterID.value, "\(label)")
        let kvdb = try #require(spec.topology.kvdb(named: px.kvdb.value))
        #expect(value("-k") == spec.topology.endpoints(of: kvdb).map { "etcd:" + $0 }.joined(separator: ","), "\(label)")
        #expect(cmd.contains("-a") == (px.storage.allDevices?.value == true), "\(label)")
        #expect(cmd.contains("-z") == (px.storage.zeroStorage?.value == true), "\(label)")
        #expect(cmd.contains("-f") == (px.storage.force?.value == true), "\(label)")
    }

    static func checkAgentEnvironment(_ env: [String], spec: CompiledSpec, host: String, label: String) throws {
        let ecs = try #require(spec.topology.ecs)
        var vars: [String: String] = [:]
        for e in env { if let eq = e.firstIndex(of: "=") { vars[String(e[..<eq])] = String(e[e.index(after: eq)...]) } }
        #expect(vars["ECS_CLUSTER"] == ecs.cluster.value, "\(label)")
        #expect(vars["ECS_LOGLEVEL"] == ecs.agent.logLevel.value.rawValue, "\(label)")
        #expect(vars["ECS_DATADIR"] == "/data" && vars["ECS_LOGFILE"] == "/log/ecs-agent.log", "\(label)")
        #expect(vars["ECS_ENABLE_TASK_IAM_ROLE"] == ecs.agent.taskIAMRole.map { $0.value ? "true" : "false" }, "\(label)")
        #expect(vars["ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST"] == ecs.agent.taskIAMRoleNetworkHost.map { $0.value ? "true" : "false" }, "\(label)")
        // ECS's own defaults, plus Portworx's 22 ports on a Portworx host.
        let reserved = try JSONSerialization.jsonObject(with: Data((vars["ECS_RESERVED_PORTS"] ?? "null").utf8), options: .fragmentsAllowed) as? [Int] ?? []
        var expected: Set<Int> = [22, 2375, 2376, 51678, 51679]
        var expectedUDP: Set<Int> = []
        if let px = spec.topology.portworx, HostRoles(spec.topology).portworx.contains(host) {
            expected.formUnion(px.startPort.value..<(px.startPort.value + Portworx.portCount))
            expectedUDP.insert(px.startPort.value + 1)
        }
        #expect(expected.isSubset(of: Set(reserved)), "\(label): ECS_RESERVED_PORTS \(reserved)")
        let udp = try JSONSerialization.jsonObject(with: Data((vars["ECS_RESERVED_PORTS_UDP"] ?? "[]").utf8), options: .fragmentsAllowed) as? [Int] ?? []
        #expect(expectedUDP.isSubset(of: Set(udp)), "\(label): ECS_RESERVED_PORTS_UDP \(udp)")
    }

    static func checkEtcd(_ body: [String: Any], _ hc: [String: Any], spec: CompiledSpec, line: RunLine, remapped: Bool, label: String) throws {
        let kvdbName = String(line.unit.dropFirst(5).dropLast(8))
        let run = try #require(spec.topology.kvdb(named: kvdbName)?.runSpec)
        let binds = hc["Binds"] as? [String] ?? []
        #expect(binds.contains("\(run.dataDir.value):\(run.dataDir.value)"), "\(label): data dir on the host: \(binds)")
        // The data directory belongs to whoever root in the container is: the
        // first subordinate id under remapping, else the host's root.
        let memberStep = spec.plan.steps(on: line.host).first { $0.actions.contains { if case .installFile(.etcdContainerUnit(kvdb: kvdbName, member: line.host), _, _) = $0 { return true } else { return false } } }
        let owner = memberStep?.actions.compactMap { if case .ensureDirectory(run.dataDir.value, let owner, _) = $0 { return owner ?? "root" } else { return nil } }.first
        let userns = hc["UsernsMode"] as? String ?? ""
        if remapped && userns != "host", let ids = spec.topology.docker?.subordinateIDs {
            #expect(owner == "\(ids.start.value):\(ids.start.value)", "\(label): data dir owner \(owner ?? "none")")
        } else {
            #expect(owner == "root" || owner == "0:0", "\(label): data dir owner \(owner ?? "none") for a container running as the host's root")
        }
        let cmd = body["Cmd"] as? [String] ?? []
        #expect(cmd.contains("-name") && cmd.contains(line.host) || cmd.contains("--name=\(line.host)"), "\(label): member name \(cmd)")
        let ports = [run.clientPort.value, run.peerPort.value] + run.extraClientPorts.map { $0.value }
        let bindings = hc["PortBindings"] as? [String: [[String: String]]] ?? [:]
        switch run.network.value {
        case .bridge:
            #expect(hc["NetworkMode"] as? String == "bridge", "\(label)")
            #expect(Set(bindings.keys) == Set(ports.map { "\($0)/tcp" }), "\(label): \(bindings)")
            for port in ports {
                #expect(bindings["\(port)/tcp"]?.first?["HostPort"] == String(port), "\(label): \(port)")
            }
            #expect((hc["UsernsMode"] as? String ?? "") == "", "\(label)")
        case .host:
            #expect(hc["NetworkMode"] as? String == "host", "\(label)")
            #expect(bindings.isEmpty, "\(label)")
            #expect((hc["UsernsMode"] as? String ?? "") == (remapped ? "host" : ""), "\(label)")
        }
    }
}
