import Diagnostics
import Testing
@testable import Checks

/// A 20,000-host fleet: the sweeps must find exactly the injected problems,
/// once each (no wall-clock assertion; the point is that findings stay right
/// and grouped at this size).
@Suite struct ScalingTests {
    static let hostCount = 20_000

    static func fleet(duplicateOf original: Int, at copy: Int) -> String {
        var s = """
        version: 1
        name: fleet
        defaults: {os: rocky9}
        subnets:
          lan: {cidr: 10.0.0.0/16}
        hosts:

        """
        func address(_ i: Int) -> String { "10.0.\(1 + i / 250).\(1 + i % 250)" }
        for i in 0..<hostCount {
            s += "  h\(i): {ifaces: {eth0: {subnet: lan, address: \(address(i == copy ? original : i))}}, devices: [/dev/sdb]}\n"
        }
        s += """
        kvdbs:
          fl: {engine: etcd, version: "3.5", run: host, members: [h0, h1, h2]}
          px: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [h3, h4, h5]}
        overlay: {type: flannel, version: "0.22.0", kvdb: fl, network: 10.128.0.0/9, subnet_len: 24, backend: vxlan}
        portworx:
          image: portworx/px-dev:2.13.0
          cluster_id: c
          kvdb: px
          storage: {all_devices: true}
        ecs:
          cluster: c
          region: us-west-1
          agent: {image: "amazon/amazon-ecs-agent:1.80.0"}
          services:
            web: {image: "nginx:1.25", ports: ["8080:80", "9010:80"]}

        """
        return s
    }

    @Test func injectedProblemsAreFoundOnceEach() throws {
        let s = ScalingTests.fleet(duplicateOf: 777, at: 12_345)
        let found = try lint(s)
        let dup = try expectOne(found, "duplicate-address", .error, at: at("h12345: {ifaces: {eth0: {subnet: lan, address: ", in: s, skip: 47))
        #expect(dup.message.hasPrefix("address 10.0.4.28 of h12345's iface eth0 is already h777's"))
        expectNote(dup, at: at("h777: {ifaces: {eth0: {subnet: lan, address: ", in: s, skip: 45))
        // One service port inside Portworx's range on every host: one finding.
        let port = try expectOne(found, "port-conflict", .error, at: at("\"9010:80", in: s))
        #expect(port.message.contains("port 9010/tcp on hosts h0, h1, h2, h3, h4 and 19995 more"))
        #expect(found.filter { $0.severity == .error }.count == 2)
        // 20,000 overlay hosts fit in 32,767 leases of the /9.
        #expect(found.of("overlay-capacity").isEmpty)
        #expect(found.of("overlay-mtu").isEmpty)
    }
}
