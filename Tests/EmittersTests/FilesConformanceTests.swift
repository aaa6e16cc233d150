import Foundation
import TestSupport
import Testing
import Model
import Planner
@testable import Emitters

/// Every generated file handed to the real tool that consumes it.
@Suite struct FilesConformanceTests {
    /// Each host's units of a seed spec, at their paths under a root.
    static func units(_ t: Topology, host: String) -> [(path: String, text: String)] {
        let roles = HostRoles(t)
        let context = FileRenderContext(t)
        var files: [(String, String)] = []
        for kvdb in t.kvdbs {
            guard let run = kvdb.runSpec, run.run.value == .container, run.members.contains(where: { $0.value == host }) else { continue }
            files.append(("etc/systemd/system/etcd-\(kvdb.name.value).service",
                          FileRenderer.content(of: .etcdContainerUnit(kvdb: kvdb.name.value, member: host), context: context)))
        }
        if roles.overlay.contains(host) {
            files.append(("etc/systemd/system/flanneld.service", FileRenderer.content(of: .flanneldUnit(host: host), context: context)))
            files.append(("etc/systemd/system/docker.service.d/flannel.conf", FileRenderer.content(of: .dockerFlannelDropIn(host: host), context: context)))
        }
        if roles.portworx.contains(host) {
            files.append(("etc/systemd/system/portworx.service", FileRenderer.content(of: .portworxUnit(host: host), context: context)))
        }
        if roles.ecs.contains(host) {
            files.append(("etc/systemd/system/ecs-agent.service", FileRenderer.content(of: .ecsAgentUnit(host: host), context: context)))
        }
        return files
    }

    /// Writes the units under a scratch root with stub executables and a stand-in
    /// for the distribution's docker.service, then verifies every unit.
    static func verify(_ files: [(path: String, text: String)]) throws -> Subprocess.Result {
        let root = try Scratch.directory("emitters")
        defer { Scratch.remove(root) }
        for tool in ["usr/bin/docker", "usr/bin/dockerd", "usr/bin/flanneld", "bin/sh"] {
            try Scratch.write("#!/bin/sh\nexit 0\n", to: root.appendingPathComponent(tool), executable: true)
        }
        try Scratch.write("[Unit]\nDescription=Docker (stand-in for docker-ce's unit)\n[Service]\nExecStart=/usr/bin/dockerd -H fd://\n",
                          to: root.appendingPathComponent("lib/systemd/system/docker.service"))
        for file in files { try Scratch.write(file.text, to: root.appendingPathComponent(file.path)) }
        var names = files.map { "/" + $0.path }.filter { $0.hasSuffix(".service") }
        if files.contains(where: { $0.path.contains("docker.service.d/") }) { names.append("docker.service") }
        return try Subprocess.run(["systemd-analyze", "verify", "--man=no", "--recursive-errors=no", "--root=\(root.path)"] + names)
    }

    @Test(arguments: ["flannel-userns", "ecs-demo"])
    func everyUnitOfTheSeedsPassesSystemdAnalyzeVerify(_ spec: String) throws {
        guard Subprocess.exists("systemd-analyze") else { Issue.record("systemd-analyze is not installed"); return }
        let t = try Support.seed(spec)
        for host in t.hosts.map({ $0.name.value }) {
            let files = Self.units(t, host: host)
            #expect(!files.isEmpty)
            let result = try Self.verify(files)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(host): \(result.stderr)")
        }
    }

    /// The check can fail: a unit with an unknown key does not pass.
    @Test func verifyCatchesABrokenUnit() throws {
        guard Subprocess.exists("systemd-analyze") else { return }
        let t = try Support.seed("ecs-demo")
        var files = Self.units(t, host: "ecs1")
        files[0].text = files[0].text.replacingOccurrences(of: "Restart=always", with: "Restart=sometimes")
        let result = try Self.verify(files)
        #expect(result.status != 0 || !result.stderr.isEmpty)
    }

    /// Every container run, handed to the docker CLI's own flag parser: with no
    /// daemon to reach, a run whose flags parse fails only at connecting.
    @Test func dockerCLIParsesEveryContainerRun() throws {
        guard Subprocess.exists("docker") else { Issue.record("the docker CLI is not installed"); return }
        let userns = try Support.seed("flannel-userns"), ecs = try Support.seed("ecs-demo")
        let runs = [
            Containers.etcd(kvdb: "px-etcd", member: "node1", in: userns),
            Containers.portworx(host: "node2", in: userns),
            Containers.portworx(host: "ecs1", in: ecs),
            Containers.ecsAgent(host: "ecs1", in: ecs),
            Containers.etcd(kvdb: "kv", member: "h1", in: try Support.topology(FilesEtcdTests.spec(version: "3.4", network: "host"))),
        ]
        for run in runs {
            let result = try Subprocess.run(["docker", "run"] + run.dockerRunArguments(), environment: ["DOCKER_HOST": "unix:///nonexistent.sock"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("Cannot connect to the Docker daemon"), "\(run.name): \(result.stderr)")
        }
        // And the parser does reject a bad flag, so the check can fail.
        let bad = try Subprocess.run(["docker", "run", "--rm", "--bogus", "busybox"], environment: ["DOCKER_HOST": "unix:///nonexistent.sock"])
        #expect(!bad.stderr.contains("Cannot connect"))
    }

    @Test func jsonFilesPassPythonJSONTool() throws {
        let daemon = FileRenderer.content(of: .dockerDaemonJSON(host: "node1"), in: try Support.seed("flannel-userns"))
        let taskDefinition = try #require(ECSFiles.taskDefinition(try Support.seed("ecs-demo")))
        for json in [daemon, taskDefinition] {
            let result = try Subprocess.run(["python3", "-m", "json.tool"], stdin: Data(json.utf8))
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test func composeFilePassesDockerComposeConfig() throws {
        guard Subprocess.exists("docker-compose") else { Issue.record("docker-compose is not installed"); return }
        let compose = try #require(ECSFiles.compose(try Support.seed("ecs-demo")))
        let result = try ECSFilesTests.composeConfig(compose)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("binocarlos/moby-counter"))
    }
}
