import Foundation
import Diagnostics
@testable import Model
import Syntax
import TestSupport
import Testing
import Values

func decode(_ text: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
    let parsed = YAMLParser.parse(SourceText(text))
    return TopologyDecoder.decode(parsed.root)
}

let minimal = """
version: 1
name: t
defaults: {os: rocky9, mtu: 9000}
subnets:
  lan: {cidr: 10.0.0.0/24}
  v6: {cidr: "fd00::/64", mtu: 1500}
hosts:
  a: {ifaces: {eth0: {subnet: lan, address: 10.0.0.1}, eth1: {subnet: v6, address: "fd00::1"}}}
  b: {os: ubuntu2204, ifaces: {eth0: {subnet: lan, address: 10.0.0.2, mtu: 1400}}}

"""

@Suite struct DecoderTests {
    @Test func defaultsAreResolved() throws {
        let t = try #require(decode(minimal).topology)
        #expect(t.subnets[0].mtu.value == 9000)
        #expect(t.subnets[1].mtu.value == 1500)
        #expect(t.hosts[0].os.value == .rocky9 && t.hosts[1].os.value == .ubuntu2204)
        #expect(t.hosts[0].primary.name.value == "eth0" && t.hosts[0].address == IPAddress("10.0.0.1"))
        #expect(t.hosts[0].ifaces[1].mtu.value == 1500)
        #expect(t.hosts[1].primary.mtu.value == 1400)
    }

    @Test func kvdbDefaults() throws {
        let t = try #require(decode(minimal + "kvdbs:\n  k: {engine: etcd, version: \"3.4\", run: host, members: [a, b]}\n").topology)
        let r = try #require(t.kvdbs[0].runSpec)
        #expect(r.clientPort.value == 2379 && r.peerPort.value == 2380)
        #expect(r.token.value == "k" && r.dataDir.value == "/var/lib/etcd/k")
        #expect(r.network.value == .bridge)
        #expect(t.endpoints(of: t.kvdbs[0]) == ["http://10.0.0.1:2379", "http://10.0.0.2:2379"])
    }

    @Test func schemaDecidesScalarTypes() throws {
        // `no` stays a string where a string is expected; 3.10 is a version.
        let text = minimal + """
        kvdbs:
          k: {engine: etcd, version: 3.10, run: host, members: [a]}
          x: {engine: etcd, endpoints: ["http://10.9.0.1:2379"]}
        portworx: {image: portworx/px-dev, cluster_id: no, kvdb: x, storage: {all_devices: true}}

        """
        let (t, d) = decode(text)
        #expect(d.isEmpty, "\(d)")
        let topology = try #require(t)
        #expect(topology.kvdbs[0].version?.value == Version("3.10"))
        #expect(topology.kvdbs[0].version!.value > Version("3.9")!)
        #expect(topology.portworx?.clusterID.value == "no")
    }

    @Test func overlayDefaults() throws {
        let t = try #require(decode(minimal + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a]}\noverlay: {type: flannel, version: \"0.7.1\", kvdb: k, network: 10.1.0.0/16}\n").topology)
        let o = try #require(t.overlay)
        #expect(o.prefix.value == "/coreos.com/network" && o.subnetLen.value == 24 && o.subnetLenIsDefault)
        #expect(o.backend.value == .udp && !o.ipMasq.value && o.hosts.isAll && o.usesEtcdV2)
        let small = try #require(decode(minimal + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a]}\noverlay: {type: flannel, version: \"0.18.0\", kvdb: k, network: 10.1.0.0/25}\n").topology?.overlay)
        #expect(small.subnetLen.value == 27 && !small.usesEtcdV2)
    }

    @Test func hostSetsAndRoles() throws {
        let text = minimal + """
        kvdbs:
          k: {engine: etcd, version: "3.3", run: container, image: "quay.io/coreos/etcd:v3.3.27", members: [b]}
        docker: {userns_remap: default, subordinate_ids: {start: 500000, count: 65536}}
        ecs: {cluster: c, region: us-west-1, hosts: [a]}

        """
        let t = try #require(decode(text).topology)
        let roles = HostRoles(t)
        #expect(roles.ecs == ["a"] && roles.containerKVDBMembers == ["b"])
        #expect(roles.dockerConfigured == ["a", "b"])
        #expect(roles.remapsUserNamespaces(on: "a"))
        #expect(t.docker?.remapUser == "dockremap")
        #expect(t.ecs?.agent.image.value.description == "amazon/amazon-ecs-agent:latest")
    }

    @Test func xKeysAreIgnoredAtTopLevelOnly() {
        #expect(decode(minimal + "x-notes: {anything: [1, 2]}\n").diagnostics.isEmpty)
        let nested = decode(minimal.replacingOccurrences(of: "lan: {cidr: 10.0.0.0/24}", with: "lan: {cidr: 10.0.0.0/24, x-note: 1}"))
        #expect(nested.diagnostics.first?.rule == "unknown-key")
    }

    @Test func everyErrorIsReportedInOneRun() {
        let text = """
        version: 1
        name: T
        subnets:
          lan: {cidr: 10.0.0.1/24, mtu: 1}
        hosts:
          a: {os: centos8, ifaces: {eth0: {subnet: lan, address: 10.0.0.300}}}

        """
        let d = decode(text).diagnostics
        #expect(d.count >= 5, "\(d.map { $0.message })")
        #expect(Set(d.map { $0.location.line }) == [2, 4, 6])
    }

    @Test func externalKVDBRejectsRunKeys() {
        let d = decode(minimal + "kvdbs:\n  x: {engine: etcd, endpoints: [\"http://10.9.0.1:2379\"], members: [a]}\n").diagnostics
        #expect(d.first?.rule == "unknown-key" && d.first?.location.line == 11)
    }

    @Test func serviceValuesParse() throws {
        let text = minimal + """
        ecs:
          cluster: c
          region: us-west-1
          volumes: {v: {driver: pxd, scope: shared, autoprovision: true, driver_opts: {size: "10"}}}
          services:
            web: {image: nginx, ports: ["8080:80", "53:53/udp"], volumes: ["v:/data:ro"], environment: {A: "$x %y", B: 3}, command: [nginx, -g, "daemon off;"], memory: 256}

        """
        let (t, d) = decode(text)
        #expect(d.isEmpty, "\(d)")
        let web = try #require(t?.ecs?.services.first)
        #expect(web.ports.map { $0.value } == [PortMapping(hostPort: 8080, containerPort: 80, proto: .tcp), PortMapping(hostPort: 53, containerPort: 53, proto: .udp)])
        #expect(web.volumes.first?.value == VolumeMount(volume: "v", path: "/data", readOnly: true))
        #expect(web.environment.map { $0.value.value } == ["$x %y", "3"])
        #expect(web.memory?.value == 256)
    }

    @Test func seedSpecsDecode() throws {
        for name in ["flannel-userns.yaml", "ecs-demo.yaml"] {
            let text = try Repository.text("Specs/\(name)")
            let (t, d) = decode(text)
            #expect(d.isEmpty, "\(name): \(d)")
            #expect(t != nil)
        }
    }

    // The decoder remembers values it accepted (and device lists it decoded);
    // these check that a remembered value never hides a diagnostic.
    @Test func aSharedDeviceListIsReportedForEveryHost() throws {
        let text = minimal.replacingOccurrences(of: "hosts:\n", with: "x-d: &d {devices: [/dev/xvdf, /dev/../x]}\nx-g: &g {devices: [/dev/xvdg]}\nhosts:\n")
            .replacingOccurrences(of: "  a: {", with: "  a: {<<: *d, ")
            .replacingOccurrences(of: "  b: {", with: "  b: {<<: *d, ")
        let d = decode(text).diagnostics
        #expect(d.count == 2 && d.allSatisfy { $0.rule == "bad-value" && $0.location.line == 7 }, "\(d)")
        let good = decode(text.replacingOccurrences(of: "<<: *d", with: "<<: *g")).topology
        let hosts = try #require(good?.hosts)
        #expect(hosts.map { $0.devices.map { $0.value } } == [["/dev/xvdg"], ["/dev/xvdg"]])
        #expect(hosts.allSatisfy { $0.devices[0].location.line == 8 })
    }

    @Test func anAcceptedNameDoesNotExcuseANull() {
        let text = """
        version: 1
        name: t
        defaults: {os: rocky9}
        subnets:
          "null": {cidr: 10.0.0.0/24}
        hosts:
          a: {ifaces: {eth0: {subnet: "null", address: 10.0.0.1}}}
          b: {ifaces: {eth0: {subnet: null, address: 10.0.0.2}}}

        """
        let d = decode(text).diagnostics
        #expect(d.count == 1 && d.first?.rule == "type-mismatch" && d.first?.location.line == 8, "\(d)")
    }
}
