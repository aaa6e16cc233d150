import Diagnostics
import Testing
@testable import Checks

@Suite struct DockerRuleTests {
    let remap = """
    docker:
      userns_remap: default
      subordinate_ids: {start: 500000, count: 65536}

    """

    func ecs(services: String, volumes: String = "") -> String {
        """
        ecs:
          cluster: c
          region: us-west-1
          agent: {image: "amazon/amazon-ecs-agent:1.80.0"}
        \(volumes)  services:
        \(services)
        """
    }

    @Test func privilegedAndHostNetworkServicesOnRemappedHosts() throws {
        let s = header + remap + ecs(services: "    a: {image: \"nginx:1.25\", privileged: true}\n    b: {image: \"nginx:1.25\", network_mode: host}\n    c: {image: \"nginx:1.25\", privileged: false, network_mode: bridge}")
        let found = try lint(s).of("userns-privileged")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found[0].location.line == at("true}", in: s)?.line && found[0].location.column == at("true}", in: s)?.column)
        #expect(found[0].message.contains("service 'a' asks for privileged mode"))
        #expect(found[0].message.contains("hosts n1, n2 and n3"))
        expectNote(found[0], at: at("remap: default", in: s, skip: 7))
        #expect(found[1].location.column == at("host}", in: s)?.column)
    }

    @Test func privilegedServiceWithoutRemappingPasses() throws {
        let s = header + ecs(services: "    a: {image: \"nginx:1.25\", privileged: true}")
        #expect(try lint(s).of("userns-privileged").isEmpty)
        // Remapping only on hosts that are not ECS hosts.
        let elsewhere = header + remap.replacingOccurrences(of: "  userns_remap", with: "  hosts: [n1]\n  userns_remap")
            + ecs(services: "    a: {image: \"nginx:1.25\", privileged: true}").replacingOccurrences(of: "  region: us-west-1\n", with: "  region: us-west-1\n  hosts: [n2, n3]\n")
        #expect(try lint(elsewhere).of("userns-privileged").isEmpty)
    }

    let portworx = portworxSection()

    @Test func hostNamespaceInfoOncePerComponent() throws {
        let s = header + remap + portworx + ecs(services: "    a: {image: \"nginx:1.25\"}")
        let found = try lint(s).of("userns-host-namespace")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .info })
        #expect(found[0].location.line == at("image: portworx", in: s)?.line)
        #expect(found[0].message == "topoc runs Portworx with --userns=host on n1, n2 and n3: with userns-remap the daemon refuses --privileged and --net=host otherwise (answers the guide's open question)")
        #expect(found[1].location.line == at("agent:", in: s)?.line && found[1].location.column == at("{image: \"amazon", in: s)?.column)
        #expect(found[1].message.contains("ECS agent"))
    }

    @Test func noHostNamespaceInfoWithoutRemapping() throws {
        let s = header + portworx + ecs(services: "    a: {image: \"nginx:1.25\"}")
        #expect(try lint(s).of("userns-host-namespace").isEmpty)
    }

    @Test func volumeDriversUnderRemapping() throws {
        let s = header + remap + portworx + ecs(services: "    a: {image: \"nginx:1.25\", volumes: [\"v:/data\"]}",
                                                volumes: "  volumes:\n    v: {driver: pxd, scope: shared}\n    l: {driver: local}\n")
        let d = try expectOne(try lint(s), "userns-volume-driver", .warning, at: at("remap: default", in: s, skip: 7))
        #expect(d.message.contains("Portworx's pxd driver and ECS volume 'v' (driver pxd)"))
        #expect(d.message.contains("images"))
        expectNote(d, at: at("pxd", in: s))
        #expect(d.notes.count == 2)
    }

    @Test func localVolumesUnderRemappingPass() throws {
        let s = header + remap + ecs(services: "    a: {image: \"nginx:1.25\", volumes: [\"l:/data\"]}", volumes: "  volumes:\n    l: {driver: local}\n")
        #expect(try lint(s).of("userns-volume-driver").isEmpty)
        #expect(try lint(header + portworx).of("userns-volume-driver").isEmpty)
    }

    @Test func subordinateIDRanges() throws {
        let small = header + remap.replacingOccurrences(of: "count: 65536", with: "count: 1000")
        try expectOne(try lint(small), "subordinate-ids-range", .error, at: at("1000}", in: small))
        let low = header + remap.replacingOccurrences(of: "start: 500000", with: "start: 1000")
        let d = try expectOne(try lint(low), "subordinate-ids-range", .error, at: at("1000,", in: low))
        #expect(d.message.contains("below 100000"))
        let high = header + remap.replacingOccurrences(of: "start: 500000", with: "start: 4294967000")
        let h = try expectOne(try lint(high), "subordinate-ids-range", .error, at: at("65536", in: high))
        #expect(h.message.contains("ends at 4295032535"))
        expectNote(h, at: at("4294967000", in: high))
    }

    @Test func goodSubordinateIDsPass() throws {
        #expect(try lint(header + remap).of("subordinate-ids-range").isEmpty)
        let edge = header + remap.replacingOccurrences(of: "start: 500000", with: "start: 100000")
        #expect(try lint(edge).of("subordinate-ids-range").isEmpty)
    }

    @Test func rebootInfoForCentOS7() throws {
        let s = header.replacingOccurrences(of: "n2: {ifaces", with: "n2: {os: centos7, ifaces") + remap + portworx
        let d = try expectOne(try lint(s), "userns-reboot", .info, at: at("remap: default", in: s, skip: 7))
        #expect(d.message.contains("CentOS 7 on host n2 needs the kernel arguments user_namespace.enable=1 and namespace.unpriv_enable=1"))
        #expect(d.message.contains("exits 3"))
    }

    @Test func noRebootInfoOnRocky() throws {
        #expect(try lint(header + remap + portworx).of("userns-reboot").isEmpty)
        // CentOS 7 without remapping needs nothing.
        let s = header.replacingOccurrences(of: "rocky9", with: "centos7") + portworx
        #expect(try lint(s).of("userns-reboot").isEmpty)
    }
}
