import Diagnostics
import Foundation
import Testing
@testable import Planner

@Suite struct CycleTests {
    /// The overlay's kvdb as a container on the overlay's own hosts: Docker
    /// waits for flanneld, flanneld for the kvdb, the kvdb's container for Docker.
    static let overlayOnContainerKVDB = """
    version: 1
    name: loop
    defaults: {os: centos7}
    subnets:
      lan: {cidr: 10.0.6.0/24}
    hosts:
      node1: {ifaces: {eth0: {subnet: lan, address: 10.0.6.10}}}
      node2: {ifaces: {eth0: {subnet: lan, address: 10.0.6.11}}}
    kvdbs:
      net-etcd:
        engine: etcd
        version: "3.3"
        run: container
        image: quay.io/coreos/etcd:v3.3.25
        members: [node1]
    overlay:
      type: flannel
      version: "0.7.1"
      kvdb: net-etcd
      network: 10.1.0.0/16
    docker: {}
    """

    @Test func overlayOnItsOwnContainerKVDBIsACycle() throws {
        let (plan, diagnostics) = Planner.plan(try topology(Self.overlayOnContainerKVDB))
        #expect(plan == nil)
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.rule == "dependency-cycle")
        #expect(d.severity == .error)
        #expect(d.message == "deployment steps wait for each other in a loop: "
            + "node1/etcd-net-etcd -> node1/kvdb-net-etcd-healthy -> node1/overlay-config -> node1/flanneld -> node1/docker-daemon -> node1/etcd-net-etcd")
        #expect(d.notes.map(\.message) == [
            "node1/kvdb-net-etcd-healthy waits for node1/etcd-net-etcd: kvdb net-etcd is healthy only once its member on node1 runs",
            "node1/overlay-config waits for node1/kvdb-net-etcd-healthy: the overlay config is written to kvdb net-etcd once it is healthy",
            "node1/flanneld waits for node1/overlay-config: flanneld reads its network config from kvdb net-etcd",
            "node1/docker-daemon waits for node1/flanneld: Docker takes its bridge address and MTU from flanneld's subnet.env",
            "node1/etcd-net-etcd waits for node1/docker-daemon: etcd member of net-etcd runs as a container on node1's Docker daemon",
        ])
        // Located at the first edge: the member entry `node1` in `members: [node1]` (line 15).
        #expect(d.location.line == 15)
        // Every note points into the spec.
        #expect(d.notes.allSatisfy { $0.location != nil })
        // The `run: container` line causes the closing edge.
        #expect(d.notes.last?.location?.line == 13)
    }

    @Test func theSameSpecWithAHostRunKVDBPlans() throws {
        let fixed = Self.overlayOnContainerKVDB.replacingOccurrences(of: "run: container", with: "run: host")
            .replacingOccurrences(of: "    image: quay.io/coreos/etcd:v3.3.25\n", with: "")
        let p = try plan(try topology(fixed))
        #expect(p.step("node1/flanneld")?.phase == 4)
    }

    @Test func serviceLinkCycle() throws {
        let yaml = """
        version: 1
        name: links
        defaults: {os: ubuntu2204}
        subnets:
          vpc: {cidr: 172.31.0.0/20}
        hosts:
          a: {ifaces: {eth0: {subnet: vpc, address: 172.31.5.10}}}
        ecs:
          cluster: c
          region: us-west-1
          services:
            web: {image: "nginx:1.25", links: [api]}
            api: {image: "api:1", links: [db]}
            db: {image: "postgres:16", links: [web]}
            cache: {image: "redis:7"}
        """
        let (plan, diagnostics) = Planner.plan(try topology(yaml))
        #expect(plan == nil)
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.rule == "dependency-cycle")
        #expect(d.message == "ECS service links form a cycle: web -> api -> db -> web")
        #expect(d.notes.map(\.message) == [
            "service web links to api, so it starts after it",
            "service api links to db, so it starts after it",
            "service db links to web, so it starts after it",
        ])
        #expect(d.location.line == 12)
        #expect(d.notes.map { $0.location?.line } == [12, 13, 14])
    }

    @Test func linksWithoutALoopPlan() throws {
        let p = try plan(try seed("ecs-demo.yaml"))
        #expect(p.step("workstation/compose-up") != nil)
    }

    /// `lint` asks `Planner.diagnostics`, which looks for loops in a skeleton
    /// first: it must report exactly what planning reports, loop or not.
    @Test func lintFindsWhatPlanningFinds() throws {
        let fixed = Self.overlayOnContainerKVDB.replacingOccurrences(of: "run: container", with: "run: host")
            .replacingOccurrences(of: "    image: quay.io/coreos/etcd:v3.3.25\n", with: "")
        let linkLoop = Self.overlayOnContainerKVDB.replacingOccurrences(of: "run: container", with: "run: host")
            .replacingOccurrences(of: "    image: quay.io/coreos/etcd:v3.3.25\n", with: "")
            .replacingOccurrences(of: "docker: {}", with: """
            docker: {}
            ecs:
              cluster: c
              region: us-west-1
              services:
                a: {image: "a:1", links: [b]}
                b: {image: "b:1", links: [a]}
            """)
        for (yaml, loops) in [(Self.overlayOnContainerKVDB, true), (fixed, false), (linkLoop, true)] {
            let t = try topology(yaml)
            let planned = Planner.plan(t).diagnostics, linted = Planner.diagnostics(t)
            #expect(linted.map(\.message) == planned.map(\.message))
            #expect(linted.map(\.location) == planned.map(\.location))
            #expect(linted.isEmpty == !loops)
        }
    }

    @Test func ruleIsExplained() {
        let rule = Planner.rules.first { $0.name == "dependency-cycle" }
        #expect(rule?.severity == .error)
        #expect(rule?.explanation.contains("Example:") == true)
        #expect(rule?.explanation.contains("Fix:") == true)
    }
}

/// Phases on a small spec checked by hand: an external kvdb, one Portworx host
/// with a configured daemon, a pxd volume.
@Suite struct PhaseTests {
    @Test func handCheckedPhases() throws {
        let yaml = """
        version: 1
        name: small
        defaults: {os: ubuntu2204}
        subnets:
          lan: {cidr: 10.0.0.0/24}
        hosts:
          h1: {ifaces: {eth0: {subnet: lan, address: 10.0.0.10}}, devices: [/dev/sdb]}
          h2: {ifaces: {eth0: {subnet: lan, address: 10.0.0.11}}, devices: [/dev/sdb]}
        kvdbs:
          px: {engine: etcd, version: "3.5", run: host, members: [h2, h1]}
        docker: {hosts: [h1, h2]}
        portworx:
          image: portworx/px-dev:2.13.0
          cluster_id: c1
          kvdb: px
          storage: {all_devices: true}
        ecs:
          cluster: demo
          region: eu-west-1
          hosts: [h2]
          volumes:
            v1: {driver: pxd, scope: shared, autoprovision: true}
        """
        let p = try plan(try topology(yaml))
        // Roots: etcd members, daemons, ecs-cli configure. Health on the first
        // member (h2) after both members; Portworx after health and its daemon;
        // the gate on the first Portworx host (h1); the volume on the first ECS
        // host (h2) after the gate; compose up after the volume.
        let expected: [(String, Int)] = [
            ("h1/etcd-px", 1), ("h1/docker-daemon", 1), ("h2/etcd-px", 1), ("h2/docker-daemon", 1),
            ("workstation/ecs-cli-configure", 1),
            ("h2/kvdb-px-healthy", 2), ("h2/ecs-agent", 2),
            ("h1/portworx", 3), ("h2/portworx", 3), ("workstation/agents-registered", 3),
            ("h1/portworx-ready", 4),
            ("h2/volume-v1", 5),
            ("workstation/compose-up", 6), ("workstation/register-task-definition", 6),
        ]
        #expect(p.steps.map { "\($0.id)@\($0.phase)" } == expected.map { "\($0.0)@\($0.1)" })
        // ubuntu 22.04: etcd-server, /etc/default/etcd, and a flanneld-free daemon.
        #expect(describe(try #require(p.step("h1/etcd-px")).actions) == ["packages etcd-server", "file /etc/default/etcd", "enable etcd"])
        #expect(describe(try #require(p.step("h1/docker-daemon")).actions) == ["reload", "enable docker"])
        #expect(p.edge("h1/docker-daemon", "h2/volume-v1") == nil)
        #expect(p.edge("h2/docker-daemon", "h2/volume-v1") != nil)
    }
}
