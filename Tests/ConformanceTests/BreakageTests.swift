import Foundation
import TestSupport
import Testing

/// No check is vacuous: a generated output broken on purpose makes the
/// matching check fail.
@Suite(.serialized) struct BreakageTests {
    static func replacing(_ bytes: [UInt8], _ old: String, _ new: String) throws -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains(old) else { throw ConformanceError.failed("'\(old)' not in the output to break") }
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    @Test func anUnknownUnitKeyFailsSystemdAnalyzeVerify() throws {
        guard Tool.require("systemd-analyze") else { return }
        let spec = try Specs.named("px-flannel-userns")
        var units = SystemdTests.hostUnits(spec, "node1")
        let good = try SystemdTests.verify(units)
        #expect(good.status == 0 && good.stderr.isEmpty, "\(good.output)")
        let i = try #require(units.firstIndex { $0.path.hasSuffix("portworx.service") })
        units[i].bytes = try Self.replacing(units[i].bytes, "RestartSec=10\n", "RestartSec=10\nRestartWhenBored=yes\n")
        let bad = try SystemdTests.verify(units)
        #expect(bad.status != 0, "\(bad.output)")
        #expect(bad.stderr.contains("RestartWhenBored"), "\(bad.output)")
    }

    @Test func aBadDockerFlagFailsTheDockerCLI() throws {
        guard Tool.require("docker") else { return }
        let spec = try Specs.named("px-flannel-userns")
        let line = try #require(try DockerRunTests.runLines(spec).first { $0.unit == "portworx.service" })
        var argv = Array(line.argv.dropFirst())
        argv.insert("--privileged-please", at: 4)  // after `run --rm --name portworx`
        let engine = try FakeDockerEngine()
        defer { engine.stop() }
        let (result, create) = try engine.run(argv)
        #expect(result.status != 0)
        #expect(create == nil, "the CLI sent a create request for a bad flag")
        #expect(result.stderr.contains("unknown flag"), "\(result.output)")
        #expect(!result.stderr.contains("Cannot connect") && !result.stderr.contains("fake engine"), "\(result.output)")
    }

    @Test func anUnquotedVariableFailsShellcheck() throws {
        guard Tool.require("shellcheck") else { return }
        let spec = try Specs.named("px-flannel-userns")
        let script = try #require(spec.file("hosts/node1/setup.sh"))
        let dir = try Scratch.directory("break-sh")
        defer { Scratch.remove(dir) }
        try Scratch.write(try Self.replacing(script.bytes, "topoc_install_file \"${TOPOC_ROOT:-}\"/etc/etcd/etcd.conf", "topoc_install_file ${TOPOC_ROOT:-}/etc/etcd/etcd.conf"),
                          to: dir.appendingPathComponent("setup.sh"))
        let result = try ShellcheckTests.shellcheck(["setup.sh"], in: dir)
        #expect(result.status != 0)
        #expect(result.stdout.contains("SC2086"), "\(result.output)")
    }

    @Test func aBadNetworkModeFailsBotocoreValidation() throws {
        let spec = try Specs.named("px-ecs-demo")
        let task = try #require(spec.file("ecs/task-definition.json"))
        let dir = try Scratch.directory("break-task")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("task-definition.json")
        try Scratch.write(try Self.replacing(task.bytes, "\"networkMode\": \"bridge\"", "\"networkMode\": \"bridged\""), to: file)
        let result = try Python.run(Python.validateTaskDefinition, [file.path])
        #expect(result.status == 1 && result.stdout.contains("networkMode"), "\(result.output)")
        try Scratch.write(try Self.replacing(task.bytes, "\"essential\": true", "\"essential\": \"yes\""), to: file)
        let typed = try Python.run(Python.validateTaskDefinition, [file.path])
        #expect(typed.status == 1 && typed.stdout.contains("essential"), "\(typed.output)")
    }

    /// A member whose advertised peer URL is not its entry in initial-cluster:
    /// etcd refuses to start (while the generated file makes it wait for its peers).
    @Test(.enabled(if: NetnsSandbox.permitted, "ip netns add is not permitted here: the etcd breakage check cannot run"))
    func aWrongPeerURLFailsEtcd() throws {
        guard Tool.require("etcd", "ip") else { return }
        let spec = try Specs.named("etcd3-vxlan")
        let conf = try #require(spec.installedFiles(on: "kv2").first { $0.path == "etc/etcd/etcd.conf" })
        let sandbox = try NetnsSandbox()
        defer { sandbox.destroy() }
        let ns = try sandbox.addMember(0, address: "192.168.50.12", prefix: 24)
        func start(_ bytes: [UInt8], seconds: Int) throws -> Subprocess.Result {
            let url = sandbox.directory.appendingPathComponent("etcd-\(UUID().uuidString.prefix(6)).conf")
            try Scratch.write(bytes, to: url)
            let data = sandbox.directory.appendingPathComponent("data-\(UUID().uuidString.prefix(6))")
            return try sandbox.run(in: ns, ["timeout", String(seconds), "bash", "-c", "set -a; . \"$0\"; set +a; export ETCD_DATA_DIR=\"$1\"; exec etcd", url.path, data.path])
        }
        let good = try start(conf.file.bytes, seconds: 3)
        #expect(good.status == 124, "the generated member should wait for its peers: \(good.output.suffix(800))")
        let broken = try Self.replacing(conf.file.bytes, "ETCD_INITIAL_ADVERTISE_PEER_URLS=\"http://192.168.50.12:2380\"", "ETCD_INITIAL_ADVERTISE_PEER_URLS=\"http://192.168.50.12:2390\"")
        let bad = try start(broken, seconds: 10)
        #expect(bad.status != 0 && bad.status != 124, "\(bad.output.suffix(800))")
        #expect(bad.output.contains("initial-advertise-peer-urls") || bad.output.contains("initial-cluster"), "\(bad.output.suffix(800))")
    }
}
