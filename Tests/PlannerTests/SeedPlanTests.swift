import Testing
@testable import Planner

/// The two seed specs plan cleanly and reproduce the guide's chain:
/// kvdb healthy -> overlay config -> flanneld -> Docker -> container etcd ->
/// its cluster healthy -> Portworx everywhere -> Portworx up -> volumes ->
/// agents registered -> compose up.
@Suite struct SeedPlanTests {
    @Test func flannelUsernsChain() throws {
        let p = try plan(try seed("flannel-userns.yaml"))
        let chain: [(String, String, String)] = [
            ("node1/etcd-flannel-etcd", "node1/kvdb-flannel-etcd-healthy", "kvdb flannel-etcd is healthy only once its member on node1 runs"),
            ("node1/kvdb-flannel-etcd-healthy", "node1/overlay-config", "the overlay config is written to kvdb flannel-etcd once it is healthy"),
            ("node1/overlay-config", "node2/flanneld", "flanneld reads its network config from kvdb flannel-etcd"),
            ("node1/overlay-config", "node3/flanneld", "flanneld reads its network config from kvdb flannel-etcd"),
            ("node1/flanneld", "node1/docker-daemon", "Docker takes its bridge address and MTU from flanneld's subnet.env"),
            ("node2/subordinate-ids", "node2/docker-daemon", "dockerd --userns-remap needs dockremap's ranges in /etc/subuid and /etc/subgid"),
            ("node3/userns-kernel", "node3/docker-daemon", "the kernel must allow user namespaces before Docker remaps to them"),
            ("node1/docker-daemon", "node1/etcd-px-etcd", "etcd member of px-etcd runs as a container on node1's Docker daemon"),
            ("node1/etcd-px-etcd", "node1/kvdb-px-etcd-healthy", "kvdb px-etcd is healthy only once its member on node1 runs"),
            ("node1/kvdb-px-etcd-healthy", "node3/portworx", "Portworx keeps its cluster state in kvdb px-etcd"),
            ("node2/docker-daemon", "node2/portworx", "Portworx runs as a container on node2's Docker daemon"),
            ("node3/portworx", "node1/portworx-ready", "the Portworx cluster is up once Portworx on node3 answers"),
        ]
        for (from, to, reason) in chain {
            let edge = try #require(p.edge(from, to), "missing \(from) -> \(to)")
            #expect(edge.reason == reason)
        }
        // Phases as the chain implies (hand-checked).
        let phases = ["node1/userns-kernel": 1, "node1/etcd-flannel-etcd": 1, "node1/kvdb-flannel-etcd-healthy": 2,
                      "node1/overlay-config": 3, "node2/flanneld": 4, "node2/docker-daemon": 5, "node1/etcd-px-etcd": 6,
                      "node1/kvdb-px-etcd-healthy": 7, "node3/portworx": 8, "node1/portworx-ready": 9]
        for (id, phase) in phases { #expect(p.step(id)?.phase == phase, "\(id)") }
        #expect(p.hosts == ["node1", "node2", "node3"])
        #expect(p.steps.count == 21)
        // Only CentOS 7 hosts that remap get kernel arguments; nothing runs on a workstation.
        #expect(p.steps.filter { $0.name == "userns-kernel" }.count == 3)
        #expect(!p.steps.contains { $0.host == Plan.workstation })
    }

    @Test func flannelUsernsActions() throws {
        let p = try plan(try seed("flannel-userns.yaml"))
        let ids = try #require(p.step("node2/subordinate-ids"))
        #expect(describe(ids.actions) == [
            "user dockremap", "append /etc/subuid dockremap:500000:65536", "append /etc/subgid dockremap:500000:65536",
        ])
        let seedStep = try #require(p.step("node1/overlay-config"))
        guard case .runOnce(_, let check, let command, let env)? = seedStep.actions.last else {
            Issue.record("overlay-config must seed the key once"); return
        }
        // flannel 0.7.1 reads the v2 API: seed with `etcdctl set`, always naming the backend.
        #expect(check == ["etcdctl", "get", "/flannelsdn/network/config"])
        #expect(command == ["etcdctl", "set", "/flannelsdn/network/config",
                            #"{"Network": "10.1.0.0/16", "SubnetLen": 24, "Backend": {"Type": "udp"}}"#])
        #expect(env.map { $0.0 + "=" + $0.1 } == ["ETCDCTL_API=2", "ETCDCTL_ENDPOINT=http://10.0.6.234:2379"])
        // The seeding host does not wait for its own key; the others do, first.
        #expect(describe(try #require(p.step("node1/flanneld")).actions).first == "packages flannel")
        #expect(describe(try #require(p.step("node2/flanneld")).actions).first == "wait curl -fsS --max-time 5 http://10.0.6.234:2379/v2/keys/flannelsdn/network/config")
        // The container member's data dir belongs to the remapped root.
        #expect(describe(try #require(p.step("node1/etcd-px-etcd")).actions).first == "dir /var/lib/etcd/px-etcd 500000:500000")
        // etcd 2.3.7 in a container: its own etcdctl, v2 cluster-health.
        #expect(describe(try #require(p.step("node1/kvdb-px-etcd-healthy")).actions) == [
            "wait docker exec -e ETCDCTL_API=2 -e ETCDCTL_ENDPOINT=http://10.0.6.234:12379 etcd-px-etcd etcdctl cluster-health",
        ])
        #expect(describe(try #require(p.step("node1/kvdb-flannel-etcd-healthy")).actions) == [
            "wait ETCDCTL_API=3 etcdctl endpoint health --endpoints=http://10.0.6.234:2379",
        ])
    }

    @Test func ecsDemoChain() throws {
        let p = try plan(try seed("ecs-demo.yaml"))
        #expect(p.hosts == ["ecs1", "ecs2", "ecs3", "workstation"])
        #expect(p.edge("ecs1/volume-demovol", "workstation/compose-up")?.reason == "the task mounts volume demovol")
        #expect(p.edge("ecs1/portworx-ready", "ecs1/volume-demovol")?.reason == "volume demovol uses the pxd driver, which Portworx provides")
        for h in ["ecs1", "ecs2", "ecs3"] {
            #expect(p.edge("\(h)/ecs-agent", "workstation/agents-registered") != nil)
            #expect(p.edge("\(h)/portworx", "ecs1/portworx-ready") != nil)
        }
        #expect(p.edge("workstation/agents-registered", "workstation/compose-up") != nil)
        #expect(p.edge("workstation/agents-registered", "workstation/register-task-definition") != nil)
        #expect(p.step("workstation/compose-up")?.phase == 4)
        #expect(p.step("ecs1/volume-demovol")?.phase == 3)
        // No docker section: no daemon step, no userns steps.
        #expect(!p.steps.contains { $0.name == "docker-daemon" || $0.name == "subordinate-ids" })
        let agent = try #require(p.step("ecs2/ecs-agent"))
        #expect(describe(agent.actions) == [
            "file /etc/sysctl.d/80-ecs-task-iam.conf", "sysctl net.ipv4.conf.all.route_localnet=1",
            "iptables nat PREROUTING -p tcp -d 169.254.170.2 --dport 80 -j DNAT --to-destination 127.0.0.1:51679",
            "iptables nat OUTPUT -d 169.254.170.2 -p tcp -m tcp --dport 80 -j REDIRECT --to-ports 51679",
            "dir /var/log/ecs -", "dir /var/lib/ecs/data -", "file /etc/systemd/system/ecs-agent.service",
            "reload", "enable ecs-agent",
        ])
        let volume = try #require(p.step("ecs1/volume-demovol"))
        #expect(describe(volume.actions) == ["once docker volume create -d pxd --name demovol unless docker volume inspect demovol"])
        // The external kvdb is waited for from every Portworx host.
        #expect(describe(try #require(p.step("ecs3/portworx")).actions).first == "wait curl -fsS --max-time 5 http://myetc.company.com:4001/health")
    }

    @Test func workstationNeverCarriesCredentials() throws {
        let p = try plan(try seed("ecs-demo.yaml"))
        let words = p.steps.filter { $0.host == Plan.workstation }.flatMap { describe($0.actions) }.joined(separator: " ")
        #expect(words.contains("ecs-cli configure --cluster ecs-demo --region us-west-1 --default-launch-type EC2 --config-name ecs-demo"))
        #expect(!words.contains("access-key"))
        #expect(!words.contains("secret-key"))
        #expect(!words.contains("configure profile"))
    }

    @Test(arguments: ["flannel-userns.yaml", "ecs-demo.yaml"])
    func edgesRunForwardAndStepsAreOrdered(_ file: String) throws {
        let p = try plan(try seed(file))
        let phase = Dictionary(uniqueKeysWithValues: p.steps.map { ($0.id, $0.phase) })
        for e in p.edges {
            let (from, to) = (try #require(phase[e.from]), try #require(phase[e.to]))
            #expect(from < to, "\(e.from) (\(from)) -> \(e.to) (\(to))")
        }
        // Every step but the roots has a dependency one phase before it.
        for s in p.steps where s.phase > 1 {
            #expect(p.edges.contains { $0.to == s.id && phase[$0.from] == s.phase - 1 }, "\(s.id)")
        }
        // Sorted by phase, then host in spec order (workstation last).
        let keys = p.steps.map { ($0.phase, p.hosts.firstIndex(of: $0.host) ?? -1) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(p.ids).count == p.ids.count)
    }

    @Test func planningIsDeterministic() throws {
        let t = try seed("flannel-userns.yaml")
        let a = try plan(t), b = try plan(t)
        #expect(a.ids == b.ids)
        #expect(a.edges == b.edges)
    }
}

/// A compact description of actions for assertions.
func describe(_ actions: [Action]) -> [String] {
    actions.map { a in
        switch a {
        case .installPackages(let p): return "packages " + p.joined(separator: " ")
        case .installFile(_, let path, _): return "file " + path
        case .appendLine(let path, let line): return "append \(path) \(line)"
        case .ensureUser(let u): return "user " + u
        case .ensureDirectory(let path, let owner, _): return "dir \(path) \(owner ?? "-")"
        case .kernelArguments(let args): return "kernel " + args.joined(separator: " ")
        case .sysctl(let k, let v): return "sysctl \(k)=\(v)"
        case .iptablesRule(let t, let c, let r): return "iptables \(t) \(c) " + r.joined(separator: " ")
        case .daemonReload: return "reload"
        case .enableService(let u): return "enable " + u
        case .waitUntil(_, let c, let env), .waitForOutput(_, let c, let env):
            return "wait " + (env.map { $0.0 + "=" + $0.1 } + c).joined(separator: " ")
        case .waitForFile(_, let path): return "wait-file " + path
        case .runOnce(_, let check, let c, _): return "once \(c.joined(separator: " ")) unless \(check.joined(separator: " "))"
        case .run(_, let c, _): return "run " + c.joined(separator: " ")
        }
    }
}
