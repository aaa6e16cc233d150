import Diagnostics
import TestSupport
import Testing
@testable import Checks

@Suite struct ImageUnpinnedTests {
    @Test func everyKindOfImage() throws {
        let s = header + """
        kvdbs:
          k: {engine: etcd, version: "3.5", run: container, image: quay.io/coreos/etcd, members: [n1, n2, n3]}
        portworx:
          image: portworx/px-enterprise:latest
          cluster_id: c
          kvdb: k
          storage: {all_devices: true}
        ecs:
          cluster: c
          region: us-west-1
          agent: {log_level: info}
          services:
            web: {image: redis}
            pinned: {image: "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
        """
        let found = try lint(s).of("image-unpinned")
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found[0].location.column == at("quay.io", in: s)?.column)
        #expect(found[0].message.contains("has no tag"))
        #expect(found[1].location.column == at("portworx/px-enterprise", in: s)?.column)
        #expect(found[1].message.contains("is tagged latest"))
        // The agent's default image is blamed on the agent's settings.
        #expect(found[2].location.line == at("agent:", in: s)?.line && found[2].location.column == at("{log_level", in: s)?.column)
        #expect(found[2].message.contains("the default image amazon/amazon-ecs-agent:latest of the ECS agent"))
        #expect(found[3].location.column == at("redis}", in: s)?.column)
    }

    @Test func pinnedImagesPass() throws {
        let s = header + """
        kvdbs:
          k: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3]}
        ecs:
          cluster: c
          region: us-west-1
          agent: {image: "amazon/amazon-ecs-agent:1.80.0"}
          services:
            web: {image: "redis:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
        """
        #expect(try lint(s).of("image-unpinned").isEmpty)
    }
}

@Suite struct OSEndOfLifeTests {
    @Test func oneInfoPerEndOfLifeSystem() throws {
        let s = header.replacingOccurrences(of: "rocky9", with: "centos7")
            .replacingOccurrences(of: "n1: {ifaces", with: "n1: {os: ubuntu2204, ifaces")
            .replacingOccurrences(of: "n3: {ifaces", with: "n3: {os: ubuntu1604, ifaces")
        let found = try lint(s).of("os-end-of-life")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .info })
        // centos7 comes from defaults for n2: the first host using it is blamed.
        #expect(found[0].location.line == at("n2:", in: s)?.line && found[0].location.column == 3)
        #expect(found[0].message.hasPrefix("1 host (n2) run centos7: centos7 reached end of life on 2024-06-30"))
        #expect(found[1].location.column == at("ubuntu1604", in: s)?.column)
        #expect(found[1].message.contains("ubuntu1604"))
    }

    @Test func supportedSystemsPass() throws {
        #expect(try lint(header).of("os-end-of-life").isEmpty)
    }
}

@Suite struct LinterTests {
    @Test func rulesInDomainOrderWithTheirSeverities() {
        let expected: [(String, Severity)] = [
            ("port-conflict", .error), ("subnet-overlap", .error), ("overlay-overlaps-subnet", .error),
            ("docker-bridge-overlap", .warning), ("address-outside-subnet", .error), ("address-reserved", .error),
            ("duplicate-address", .error), ("gateway-outside-subnet", .error), ("overlay-capacity", .error),
            ("overlay-subnet-len", .error), ("overlay-backend-udp", .warning), ("overlay-iface-missing", .error),
            ("overlay-host-gw-l2", .error), ("overlay-mtu", .warning),
            ("kvdb-shared-with-overlay", .error), ("kvdb-fault-tolerance", .warning), ("kvdb-even-members", .warning),
            ("kvdb-too-many-members", .warning), ("kvdb-same-token", .warning), ("kvdb-v2-removed", .error),
            ("kvdb-member-without-docker", .error), ("kvdb-endpoint-url", .error), ("kvdb-data-ephemeral", .warning),
            ("kvdb-host-member-twice", .error),
            ("userns-privileged", .error), ("userns-host-namespace", .info), ("userns-volume-driver", .warning),
            ("subordinate-ids-range", .error), ("userns-reboot", .info),
            ("portworx-storage-missing", .error), ("portworx-zero-storage-conflict", .warning),
            ("portworx-force-format", .warning), ("portworx-min-nodes", .warning), ("portworx-devices-missing", .error),
            ("portworx-without-docker", .error),
            ("ecs-iam-network-host", .error), ("ecs-volume-undeclared", .error), ("ecs-link-unknown", .error),
            ("ecs-volume-driver-absent", .warning), ("ecs-autoprovision-scope", .error), ("ecs-cli-archived", .info),
            ("secret-literal", .error),
            ("image-unpinned", .warning), ("os-end-of-life", .info), ("unknown-rule", .warning),
        ]
        #expect(Linter.rules.map(\.name) == expected.map(\.0))
        #expect(Linter.rules.map(\.severity) == expected.map(\.1))
    }

    /// Every negative test builds on `header`: it must be clean by itself.
    @Test func theTestHeaderIsClean() throws {
        #expect(try lint(header).isEmpty)
    }

    @Test func everyRuleIsDocumented() {
        for r in Linter.rules {
            #expect(!r.summary.isEmpty && r.summary.hasSuffix("."), "\(r.name)")
            for part in ["What:", "Why:", "Fix:", "Example:"] {
                #expect(r.explanation.contains(part), "\(r.name) lacks \(part)")
            }
        }
    }

    let noisy = header.replacingOccurrences(of: "rocky9", with: "centos7") + """
    lint:
      ignore: [os-end-of-life, portworx-force-fromat, yaml-syntax]
    kvdbs:
      k: {engine: etcd, version: "3.5", run: host, members: [n1]}
    """

    @Test func specIgnoresAndUnknownRuleNames() throws {
        let found = try lint(noisy, otherRuleNames: ["yaml-syntax"])
        #expect(found.of("os-end-of-life").isEmpty)
        let d = try expectOne(found, "unknown-rule", .warning, at: at("portworx-force-fromat", in: noisy))
        #expect(d.message.hasSuffix("did you mean 'portworx-force-format'?"))
        // Without the front end's names, yaml-syntax is unknown too.
        #expect(try lint(noisy).of("unknown-rule").count == 2)
    }

    @Test func commandLineIgnores() throws {
        let found = try lint(noisy, ignoring: ["kvdb-fault-tolerance", "unknown-rule"], otherRuleNames: ["yaml-syntax"])
        #expect(found.isEmpty, "\(found.map(\.rule))")
        #expect(try lint(noisy, otherRuleNames: ["yaml-syntax"]).of("kvdb-fault-tolerance").count == 1)
    }

    @Test func findingsAreInReportOrder() throws {
        let s = try Repository.text("Specs/flannel-userns.yaml")
        let found = try lint(s)
        #expect(found == found.sorted(by: Diagnostic.reportOrder))
        #expect(found.count > 3)
    }
}
