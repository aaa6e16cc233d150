import Foundation
import Testing
@testable import Planner

/// The Planner is linear in hosts (no all-pairs loops): a large overlay/Portworx/ECS spec plans
/// with a step count and edge count proportional to its hosts.
@Suite struct ScaleTests {
    @Test func fiveThousandHosts() throws {
        let n = 5_000
        var yaml = """
        version: 1
        name: big
        defaults: {os: rocky9}
        subnets:
          lan: {cidr: 10.0.0.0/16}
        hosts:

        """
        for i in 0..<n { yaml += "  h\(i): {ifaces: {eth0: {subnet: lan, address: 10.0.\(i / 250).\(i % 250 + 1)}}}\n" }
        yaml += """
        kvdbs:
          net: {engine: etcd, version: "3.5", run: host, members: [h0, h1, h2]}
          px: {engine: etcd, version: "3.5", run: host, members: [h3, h4, h5]}
        overlay: {type: flannel, version: "0.22.0", kvdb: net, network: 172.16.0.0/12, subnet_len: 28, backend: vxlan}
        docker: {userns_remap: default, subordinate_ids: {start: 500000, count: 65536}}
        portworx: {image: "portworx/px-dev:2.13.0", cluster_id: c, kvdb: px, storage: {all_devices: true}}
        ecs: {cluster: c, region: eu-west-1}

        """
        let t = try topology(yaml)
        let p = try plan(t)
        // subordinate-ids, flanneld, docker-daemon, portworx, ecs-agent per host,
        // plus 6 etcd members, 2 health gates, overlay-config, portworx-ready, 4 workstation steps.
        #expect(p.steps.count == 5 * n + 6 + 2 + 1 + 1 + 4)
        // flannel >= 0.18: the key is seeded and waited for with the v3 API.
        guard case .runOnce(_, _, let command, let env)? = p.step("h0/overlay-config")?.actions.last else {
            Issue.record("no seeding"); return
        }
        #expect(command.prefix(2) == ["etcdctl", "put"])
        #expect(env.first.map { $0.0 + "=" + $0.1 } == "ETCDCTL_API=3")
        // Hosts that do not seed wait over HTTP (the v3 JSON gateway): they have no etcdctl.
        guard case .waitUntil(_, let wait, _)? = p.step("h7/flanneld")?.actions.first else { Issue.record("no wait"); return }
        #expect(!wait.contains("etcdctl") && wait.last?.hasPrefix("{\"key\": ") == true)
        #expect(p.steps(on: "h4999").map(\.name) == ["subordinate-ids", "flanneld", "docker-daemon", "portworx", "ecs-agent"])
    }
}
