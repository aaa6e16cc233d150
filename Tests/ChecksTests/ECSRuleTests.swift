import Diagnostics
import Testing
@testable import Checks

@Suite struct ECSRuleTests {
    func spec(before: String = "", agent: String = "{image: \"amazon/amazon-ecs-agent:1.80.0\"}", volumes: String = "",
              services: String = "    web: {image: \"nginx:1.25\"}") -> String {
        header + before + """
        ecs:
          cluster: c
          region: us-west-1
          agent: \(agent)
        \(volumes)  services:
        \(services)
        """
    }

    @Test func networkHostWithoutTaskRoles() throws {
        let s = spec(agent: "{image: \"amazon/amazon-ecs-agent:1.80.0\", task_iam_role: false, task_iam_role_network_host: true}")
        let d = try expectOne(try lint(s), "ecs-iam-network-host", .error, at: at("network_host: true", in: s, skip: 14))
        expectNote(d, at: at("role: false", in: s, skip: 6))
    }

    @Test func networkHostWithTaskRolesPasses() throws {
        let s = spec(agent: "{image: \"amazon/amazon-ecs-agent:1.80.0\", task_iam_role: true, task_iam_role_network_host: true}")
        #expect(try lint(s).of("ecs-iam-network-host").isEmpty)
    }

    @Test func undeclaredVolumeWithSuggestion() throws {
        let s = spec(volumes: "  volumes:\n    demovol: {driver: pxd, scope: shared}\n",
                     services: "    web: {image: \"nginx:1.25\", volumes: [\"demovl:/data\", \"demovol:/more\", \"zzz:/x\"]}")
        let found = try lint(s).of("ecs-volume-undeclared")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found[0].location.column == at("\"demovl:", in: s)?.column)
        #expect(found[0].message.hasSuffix("did you mean 'demovol'?"))
        #expect(found[1].message.contains("declare it under ecs.volumes"))
    }

    @Test func declaredVolumesPass() throws {
        let s = spec(volumes: "  volumes:\n    demovol: {driver: pxd, scope: shared}\n", services: "    web: {image: \"nginx:1.25\", volumes: [\"demovol:/data\"]}")
        #expect(try lint(s).of("ecs-volume-undeclared").isEmpty)
    }

    @Test func unknownAndSelfLinks() throws {
        let s = spec(services: "    web: {image: \"nginx:1.25\", links: [reddis, web, redis]}\n    redis: {image: \"redis:7.2\"}")
        let found = try lint(s).of("ecs-link-unknown")
        #expect(found.count == 2)
        let typo = try #require(found.first)
        #expect(typo.location.column == at("reddis", in: s)?.column)
        #expect(typo.message.hasSuffix("did you mean 'redis'?"))
        #expect(found[1].location.column == at("web, redis", in: s)?.column)
        #expect(found[1].message.contains("links to itself"))
    }

    @Test func knownLinksPass() throws {
        let s = spec(services: "    web: {image: \"nginx:1.25\", links: [redis]}\n    redis: {image: \"redis:7.2\"}")
        #expect(try lint(s).of("ecs-link-unknown").isEmpty)
    }

    let portworx = portworxSection(hosts: "[n1, n2]")

    @Test func pxdVolumeWhereSomeECSHostHasNoPortworx() throws {
        let s = spec(before: portworx, volumes: "  volumes:\n    v: {driver: pxd, scope: shared}\n")
        let d = try expectOne(try lint(s), "ecs-volume-driver-absent", .warning, at: at("pxd", in: s))
        #expect(d.message.contains("ECS host n3"))
    }

    @Test func pxdVolumeWithPortworxEverywherePasses() throws {
        let s = spec(before: portworxSection(), volumes: "  volumes:\n    v: {driver: pxd, scope: shared}\n")
        #expect(try lint(s).of("ecs-volume-driver-absent").isEmpty)
    }

    @Test func autoprovisionNeedsSharedScope() throws {
        let s = spec(volumes: "  volumes:\n    a: {driver: pxd, scope: task, autoprovision: true}\n    b: {driver: pxd, autoprovision: true}\n")
        let found = try lint(s).of("ecs-autoprovision-scope")
        #expect(found.count == 2)
        #expect(found[0].severity == .error)
        #expect(found[0].location.column == at("true}", in: s)?.column)
        expectNote(found[0], at: at("task,", in: s))
        #expect(found[1].message.contains("no scope (ECS's default is task)"))
    }

    @Test func autoprovisionWithSharedScopePasses() throws {
        let s = spec(volumes: "  volumes:\n    a: {driver: pxd, scope: shared, autoprovision: true}\n    b: {driver: pxd}\n")
        #expect(try lint(s).of("ecs-autoprovision-scope").isEmpty)
    }

    @Test func ecsCLIArchivedOnceWhenECSIsPresent() throws {
        let s = spec()
        let d = try expectOne(try lint(s), "ecs-cli-archived", .info, at: at("cluster: c", in: s))
        #expect(d.message.contains("ecs/task-definition.json"))
        #expect(try lint(header).of("ecs-cli-archived").isEmpty)
    }
}

@Suite struct SecretLiteralTests {
    @Test func keysInCommentsAndXKeysAreFound() throws {
        let s = header + """
        # AKIAIOSFODNN7EXAMPLE was the old key
        x-aws: {secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
        """
        let found = try lint(s).of("secret-literal")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found[0].location.line == 10 && found[0].location.column == 3 && found[0].location.length == 20)
        #expect(found[0].message.contains("(AKIA…)"))
        #expect(found[1].location.line == 11 && found[1].location.column == at("wJal", in: s)?.column)
        #expect(found[1].message.contains("(wJal…"))
        // The secret itself is never repeated.
        #expect(!found.contains { $0.message.contains("IOSFODNN7") || $0.message.contains("K7MDENG") })
    }

    @Test func lookalikesAreNotSecrets() throws {
        let s = header + """
        # AKIAIOSFODNN7EXAMPLEX is 21 characters; xAKIAIOSFODNN7EXAMPLE is not a whole word
        # a git commit 3f786850e387550fdab836ed7e6dc881de23001b has no capitals
        # ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ has no digits or small letters
        # a 41-character token aaaaaaaaaaBBBBBBBBBB1111111111aaaaaaaaaaX
        """
        #expect(try lint(s).of("secret-literal").isEmpty)
    }
}
