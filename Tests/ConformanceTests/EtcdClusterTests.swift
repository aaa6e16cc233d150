import Foundation
import Model
import Planner
import TestSupport
import Testing

/// etcd for real: each host-run kvdb of three members that an overlay uses is
/// started from its generated etcd.conf with Debian's etcd, inside network
/// namespaces holding the members' addresses; the members must form one
/// healthy cluster, and the overlay-seeding command of the generated plan must
/// leave flannel's config readable through the API that flannel version uses.
@Suite(.serialized) struct EtcdClusterTests {
    /// Specs whose overlay kvdb is a `run: host` kvdb of three members.
    static let clusterSpecs = Specs.all.filter { spec in
        guard let overlay = spec.topology.overlay, let run = spec.topology.kvdb(named: overlay.kvdb.value)?.runSpec else { return false }
        return run.run.value == .host && run.members.count == 3
    }

    @Test func specsExerciseBothAPIs() {
        #expect(Self.clusterSpecs.contains { $0.topology.overlay?.usesEtcdV2 == true }, "no v2 (flannel <= 0.17) cluster spec")
        #expect(Self.clusterSpecs.contains { $0.topology.overlay?.usesEtcdV2 == false }, "no v3 (flannel >= 0.18) cluster spec")
    }

    /// The overlay-seeding action of the plan, exactly as setup.sh runs it.
    static func seedAction(_ plan: Plan) -> (check: [String], command: [String], environment: [(String, String)])? {
        for step in plan.steps {
            for action in step.actions {
                if case .runOnce(_, let check, let command, let environment) = action, command.contains("etcdctl") {
                    return (check, command, environment)
                }
            }
        }
        return nil
    }

    /// The command a flanneld step on a host that does not seed the config
    /// waits on (status mode: it succeeds once the config exists).
    static func configWait(_ plan: Plan) -> [String]? {
        for step in plan.steps where step.name == "flanneld" {
            if case .waitUntil(_, let command, let environment)? = step.actions.first, environment.isEmpty { return command }
        }
        return nil
    }

    @Test(.enabled(if: NetnsSandbox.permitted, "ip netns add is not permitted here: the live etcd cluster check cannot run"),
          .timeLimit(.minutes(1)), arguments: clusterSpecs)
    func clusterFormsAndServesTheOverlayConfig(_ spec: CompiledSpec) throws {
        guard Tool.require("etcd", "etcdctl", "ip") else { return }
        let overlay = try #require(spec.topology.overlay)
        let kvdb = try #require(spec.topology.kvdb(named: overlay.kvdb.value))
        let run = try #require(kvdb.runSpec)
        let sandbox = try NetnsSandbox()
        defer { sandbox.destroy() }
        var namespaces: [String] = []
        for (i, member) in run.members.enumerated() {
            let host = try #require(spec.topology.host(named: member.value))
            let subnet = try #require(spec.topology.subnet(named: host.primary.subnet.value))
            let prefix = try #require(Int(subnet.cidr.value.description.split(separator: "/").last ?? ""))
            let ns = try sandbox.addMember(i, address: host.address.description, prefix: prefix)
            namespaces.append(ns)
            let conf = try #require(spec.installedFiles(on: member.value).first { $0.path == "etc/etcd/etcd.conf" || $0.path == "etc/default/etcd" })
            let confURL = sandbox.directory.appendingPathComponent("\(member.value).conf")
            try Scratch.write(conf.file.bytes, to: confURL)
            let data = sandbox.directory.appendingPathComponent("data-\(member.value)")
            // The generated file as the distribution's unit loads it; only the
            // data directory is moved into the scratch directory.
            _ = try sandbox.start(in: ns, script: "set -a; . \"$0\"; set +a; export ETCD_DATA_DIR=\"$1\"; exec etcd",
                                  arguments: [confURL.path, data.path], log: sandbox.directory.appendingPathComponent("\(member.value).log"))
        }
        let endpoints = spec.topology.endpoints(of: kvdb).joined(separator: ",")
        var healthy = false
        let deadline = Date().addingTimeInterval(30)
        while !healthy && Date() < deadline {
            let r = try sandbox.run(in: namespaces[0], ["etcdctl", "--endpoints=\(endpoints)", "--dial-timeout=2s", "endpoint", "health"], environment: ["ETCDCTL_API": "3"])
            healthy = r.status == 0
            if !healthy { usleep(300_000) }
        }
        let logs = run.members.map { (try? String(contentsOf: sandbox.directory.appendingPathComponent("\($0.value).log"), encoding: .utf8)) ?? "" }
        #expect(healthy, "\(spec.file): the cluster did not become healthy:\n\(logs.map { String($0.suffix(1500)) }.joined(separator: "\n---\n"))")
        guard healthy else { return }
        let members = try sandbox.run(in: namespaces[2], ["etcdctl", "--endpoints=\(endpoints)", "member", "list"], environment: ["ETCDCTL_API": "3"])
        let started = members.stdout.split(separator: "\n").filter { $0.contains(", started, ") }
        #expect(started.count == 3, "\(spec.file): \(members.output)")
        for member in run.members { #expect(members.stdout.contains(", \(member.value), "), "\(member.value) not in \(members.stdout)") }

        // Seed the overlay config exactly as setup.sh does: check, act, check.
        let seed = try #require(Self.seedAction(spec.plan), "\(spec.file): no overlay-seeding action in the plan")
        let env = Dictionary(seed.environment, uniquingKeysWith: { $1 })
        // What the other overlay hosts wait on before starting flanneld (plain
        // curl: they have no etcdctl), run from another member's namespace.
        let wait = try #require(Self.configWait(spec.plan), "\(spec.file): no host waits for the overlay config")
        let waitBefore = try sandbox.run(in: namespaces[1], wait, environment: [:])
        #expect(waitBefore.status != 0, "\(spec.file): the wait ends before the config is seeded: \(wait)")
        let before = try sandbox.run(in: namespaces[0], seed.check, environment: env)
        #expect(before.status != 0 || before.stdout.isEmpty, "\(spec.file): config found before seeding: \(before.output)")
        let seeded = try sandbox.run(in: namespaces[0], seed.command, environment: env)
        #expect(seeded.status == 0, "\(spec.file): \(seed.command): \(seeded.output)")
        let after = try sandbox.run(in: namespaces[0], seed.check, environment: env)
        #expect(after.status == 0 && !after.stdout.isEmpty, "\(spec.file): the check does not find the seeded config: \(after.output)")
        let waitAfter = try sandbox.run(in: namespaces[1], wait, environment: [:])
        #expect(waitAfter.status == 0, "\(spec.file): the wait does not see the seeded config: \(wait): \(waitAfter.output)")

        // Read it back from another member, through the API flannel will use.
        let key = overlay.prefix.value + "/config"
        let read: Subprocess.Result
        if overlay.usesEtcdV2 {
            read = try sandbox.run(in: namespaces[2], ["etcdctl", "--endpoints=\(endpoints)", "get", key], environment: ["ETCDCTL_API": "2"])
        } else {
            read = try sandbox.run(in: namespaces[2], ["etcdctl", "--endpoints=\(endpoints)", "get", key, "--print-value-only"], environment: ["ETCDCTL_API": "3"])
        }
        #expect(read.status == 0, "\(spec.file): \(read.output)")
        let config = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any], "\(read.stdout)")
        #expect(config["Network"] as? String == overlay.network.value.description)
        #expect(config["SubnetLen"] as? Int == overlay.subnetLen.value)
        #expect((config["Backend"] as? [String: Any])?["Type"] as? String == overlay.backend.value.rawValue)
        // And the other API does not see it: the seed used the right key space.
        let other = try sandbox.run(in: namespaces[1], ["etcdctl", "--endpoints=\(endpoints)", "get", key] + (overlay.usesEtcdV2 ? ["--print-value-only"] : []),
                                    environment: ["ETCDCTL_API": overlay.usesEtcdV2 ? "3" : "2"])
        #expect(other.status != 0 || other.stdout.trimmingWhitespace().isEmpty, "\(spec.file): config also in the other API: \(other.output)")
    }
}
