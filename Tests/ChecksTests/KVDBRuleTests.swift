import Diagnostics
import Testing
@testable import Checks

@Suite struct KVDBRuleTests {
    let px = """
    portworx:
      image: portworx/px-dev:2.13.0
      cluster_id: c
      kvdb: fl
      storage: {all_devices: true}
    """

    @Test func portworxSharingTheOverlaysKVDB() throws {
        let s = header + """
        kvdbs:
          fl: {engine: etcd, version: "3.3", run: host, members: [n1, n2, n3]}
        overlay: {type: flannel, version: "0.7.1", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}

        """ + px
        let d = try expectOne(try lint(s), "kvdb-shared-with-overlay", .error, at: at("kvdb: fl", in: s, occurrence: 2, skip: 6))
        expectNote(d, at: at("kvdb: fl,", in: s, skip: 6))
    }

    @Test func portworxWithItsOwnKVDB() throws {
        let s = header + """
        kvdbs:
          fl: {engine: etcd, version: "3.3", run: host, members: [n1, n2, n3]}
          px: {engine: etcd, endpoints: ["http://10.0.6.50:2379"]}
        overlay: {type: flannel, version: "0.7.1", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}

        """ + px.replacingOccurrences(of: "kvdb: fl", with: "kvdb: px")
        #expect(try lint(s).of("kvdb-shared-with-overlay").isEmpty)
    }

    func members(_ list: String) -> String {
        header.replacingOccurrences(of: "hosts:\n", with: "hosts:\n" + (4...9).map { "  n\($0): {ifaces: {eth0: {subnet: lan, address: 10.0.6.\(20 + $0)}}}\n" }.joined()) + """
        kvdbs:
          k: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: \(list)}
        """
    }

    @Test func memberCounts() throws {
        for (list, rule) in [("[n1]", "kvdb-fault-tolerance"), ("[n1, n2]", "kvdb-fault-tolerance"),
                             ("[n1, n2, n3, n4]", "kvdb-even-members"), ("[n1, n2, n3, n4, n5, n6, n7, n8, n9]", "kvdb-too-many-members")] {
            let s = members(list)
            let d = try expectOne(try lint(s), rule, .warning, at: at(list, in: s))
            #expect(!d.message.isEmpty)
        }
        let two = try lint(members("[n1, n2]"))
        #expect(two.of("kvdb-even-members").isEmpty)
        #expect(try lint(members("[n1, n2, n3, n4]")).of("kvdb-even-members").first?.message.contains("tolerate 1 failure, no more than 3 would") == true)
    }

    @Test func goodMemberCountsPass() throws {
        for list in ["[n1, n2, n3]", "[n1, n2, n3, n4, n5]", "[n1, n2, n3, n4, n5, n6, n7]"] {
            let found = try lint(members(list)).filter { $0.rule.hasPrefix("kvdb-") && $0.rule.hasSuffix("members") || $0.rule == "kvdb-fault-tolerance" }
            #expect(found.isEmpty, "\(list): \(found.map(\.message))")
        }
    }

    @Test func sameTokenOnTwoClusters() throws {
        let s = header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3], token: shared}
          b: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3], client_port: 12379, peer_port: 12380, token: shared}
          c: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3], client_port: 22379, peer_port: 22380, token: a}
        """
        let found = try lint(s).of("kvdb-same-token")
        // b repeats a's explicit token; c's token equals a's default (its name) but a set one.
        #expect(found.count == 1)
        let d = try expectOne(found, "kvdb-same-token", .warning, at: at("shared", in: s, occurrence: 2))
        expectNote(d, at: at("shared", in: s))
    }

    @Test func defaultTokensDiffer() throws {
        let s = header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3]}
          b: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3], client_port: 12379, peer_port: 12380}
        """
        #expect(try lint(s).of("kvdb-same-token").isEmpty)
    }

    @Test func v2ClientOnEtcd36() throws {
        let s = header + """
        kvdbs:
          fl: {engine: etcd, version: "3.6", run: host, members: [n1, n2, n3]}
          x: {engine: etcd, version: "3.6.1", run: container, image: "quay.io/coreos/etcd:v3.6.1", members: [n1, n2, n3], client_port: 12379, peer_port: 12380, enable_v2: true}
        overlay: {type: flannel, version: "0.7.1", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}
        """
        let found = try lint(s).of("kvdb-v2-removed")
        #expect(found.count == 2)
        #expect(found[0].location.line == at("\"3.6\"", in: s)?.line && found[0].location.column == at("\"3.6\"", in: s)?.column)
        expectNote(found[0], at: at("\"0.7.1\"", in: s))
        #expect(found[1].location.column == at("true}", in: s)?.column)
    }

    @Test func v2ClientOnEtcd35AndV3ClientOn36Pass() throws {
        let old = header + """
        kvdbs:
          fl: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3]}
        overlay: {type: flannel, version: "0.7.1", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}
        """
        #expect(try lint(old).of("kvdb-v2-removed").isEmpty)
        let new = old.replacingOccurrences(of: "\"3.5\"", with: "\"3.6\"").replacingOccurrences(of: "\"0.7.1\"", with: "\"0.22.0\"")
        #expect(try lint(new).of("kvdb-v2-removed").isEmpty)
    }

    @Test func containerMemberOutsideExplicitDockerHosts() throws {
        let s = header + """
        kvdbs:
          px: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3]}
        docker:
          hosts: [n2, n3]
        """
        let d = try expectOne(try lint(s), "kvdb-member-without-docker", .error, at: at("n1,", in: s))
        expectNote(d, at: at("[n2, n3]", in: s))
        #expect(d.message.contains("add n1 to docker.hosts"))
    }

    @Test func implicitDockerHostsCoverMembers() throws {
        let s = header + """
        kvdbs:
          px: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3]}
        docker: {}
        """
        #expect(try lint(s).of("kvdb-member-without-docker").isEmpty)
    }

    @Test func badExternalEndpoints() throws {
        let s = header + """
        kvdbs:
          ext:
            engine: etcd
            endpoints:
              - http://127.0.0.1:2379
              - http://localhost:2379
              - http://0.0.0.0:2379
              - http://etcd.example.com:2379/v2
              - http://etcd.example.com:2379
              - http://ETCD.example.com:2379
              - https://[::1]:2379
        """
        let found = try lint(s).of("kvdb-endpoint-url")
        #expect(found.count == 7)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.map { $0.location.line } == [14, 15, 16, 17, 18, 19, 20])
        #expect(found.allSatisfy { $0.location.column == 9 })
        #expect(found[0].message.contains("loopback"))
        #expect(found[1].message.contains("localhost"))
        #expect(found[2].message.contains("unspecified"))
        #expect(found[3].message.contains("path '/v2'"))
        // The same server with and without a path, and in capitals, is still twice.
        #expect(found[4].message.contains("listed twice"))
        expectNote(found[4], at: at("http://etcd.example.com:2379/v2", in: s))
        #expect(found[5].message.contains("listed twice"))
        #expect(found[6].message.contains("loopback"))
    }

    @Test func goodExternalEndpointsPass() throws {
        let s = header + """
        kvdbs:
          ext: {engine: etcd, endpoints: ["http://10.0.6.50:2379", "http://10.0.6.51:2379", "https://etcd.example.com"]}
        """
        #expect(try lint(s).of("kvdb-endpoint-url").isEmpty)
    }

    @Test func dataDirOnTmpfs() throws {
        let s = header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3], data_dir: /run/etcd}
        """
        let d = try expectOne(try lint(s), "kvdb-data-ephemeral", .warning, at: at("/run/etcd", in: s))
        #expect(d.message.contains("under /run"))
    }

    @Test func persistentDataDirPasses() throws {
        let s = header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3], data_dir: /srv/runtime/etcd}
          b: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3], client_port: 12379, peer_port: 12380, data_dir: /tmpdata}
        """
        #expect(try lint(s).of("kvdb-data-ephemeral").isEmpty)
    }

    @Test func hostMemberOfTwoRunHostClusters() throws {
        let s = header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3]}
          b: {engine: etcd, version: "3.5", run: host, members: [n3], client_port: 12379, peer_port: 12380}
        """
        let d = try expectOne(try lint(s), "kvdb-host-member-twice", .error, at: at("[n3]", in: s, skip: 1))
        expectNote(d, at: at("n3]}", in: s))
        #expect(d.message.contains("make kvdb 'b' run: container"))
    }

    @Test func hostAndContainerClustersOnOneHostPass() throws {
        let s = header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3]}
          b: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n3], client_port: 12379, peer_port: 12380}
        """
        #expect(try lint(s).of("kvdb-host-member-twice").isEmpty)
    }
}
