import Foundation
import TestSupport
import Testing

/// workstation/setup.sh run for real (see `WorkstationRun`): the real AWS CLI
/// against a fake ECS endpoint, a recording ecs-cli stub, dummy keys.
@Suite struct WorkstationRunTests {
    static let ecsSpecs = Specs.all.filter { $0.topology.ecs != nil }

    @Test func someSpecsHaveECS() { #expect(Self.ecsSpecs.count >= 2) }

    /// Records a failure when the real AWS CLI v1 is missing.
    static func awsInstalled() -> Bool {
        if WorkstationRun.realAWS == nil { Issue.record("no AWS CLI v1 (scripts/test installs awscli in .venv)") }
        return WorkstationRun.realAWS != nil && Tool.require("python3")
    }

    /// Compiles the spec, starts a fake endpoint reporting `counts(agent hosts)`
    /// registered instances, runs `check`, then stops and removes both.
    static func withRun(_ spec: CompiledSpec, counts: (Int) -> [Int], _ check: (WorkstationRun, FakeECSEndpoint) throws -> Void) throws {
        guard awsInstalled() else { return }
        let ws = try WorkstationRun(spec)
        defer { ws.remove() }
        let ecs = try FakeECSEndpoint(in: ws.records.appendingPathComponent("ecs"), cluster: ws.cluster, region: ws.region, counts: counts(ws.agents))
        defer { ecs.stop() }
        try check(ws, ecs)
    }

    /// Checks every run with the keys must pass: the secret is in no argv, no
    /// file of the scratch directory and not in the output.
    static func expectNoSecret(_ ws: WorkstationRun, _ result: Subprocess.Result) throws {
        let argv = try (ws.calls("aws") + ws.calls("ecs-cli")).flatMap { $0.argv }
        #expect(!argv.contains { $0.contains(ws.secret) }, "\(ws.spec.file): the secret is on a command line")
        #expect(ws.secretLeaks(in: result.output).isEmpty, "\(ws.spec.file): the secret is in \(ws.secretLeaks(in: result.output))")
    }

    @Test(arguments: ecsSpecs)
    func refusesWithoutCredentialsAndRunsNothing(_ spec: CompiledSpec) throws {
        try Self.withRun(spec, counts: { [$0] }) { ws, ecs in
            // Neither variable, or a key id without its secret.
            for extra in [[:], ["AWS_ACCESS_KEY_ID": WorkstationRun.accessKey]] {
                let result = try ws.run([], endpoint: ecs, credentials: false, extra: extra)
                #expect(result.status == 1, "\(spec.file) \(extra): \(result.output)")
                #expect(result.stderr.contains("set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, in the environment first"), "\(result.stderr)")
            }
            #expect(try ws.calls("aws").isEmpty && ws.calls("ecs-cli").isEmpty, "\(spec.file): a tool ran without credentials")
            #expect(try ecs.requests().isEmpty)
        }
    }

    /// The wait polls through the real CLI's --query until the fake reports
    /// every agent host (one poll below first), then compose up reaches
    /// ecs-cli with the spec's names and paths that resolve to the compiled ecs/ files.
    @Test(.timeLimit(.minutes(1)), arguments: ecsSpecs)
    func composeUpRunsOnceTheAgentsAreRegistered(_ spec: CompiledSpec) throws {
        try Self.withRun(spec, counts: { [$0 - 1, $0] }) { ws, ecs in
            let result = try ws.run([], endpoint: ecs)
            #expect(result.status == 0, "\(spec.file): \(result.output)")
            #expect(result.stdout.contains("waiting until \(ws.agents) container instances are registered in ECS cluster \(ws.cluster)"), "\(result.stdout)")

            let polls = try ecs.requests()
            #expect(polls.map { $0.operation } == ["DescribeClusters", "DescribeClusters"], "\(spec.file): \(polls.map { $0.target })")
            for p in polls {
                #expect(p.body["clusters"] as? [String] == [ws.cluster])
                #expect(p.authorization.contains("Credential=\(WorkstationRun.accessKey)/") && p.authorization.contains("/\(ws.region)/ecs/aws4_request"), "\(p.authorization)")
            }
            #expect(try ws.calls("aws").allSatisfy { $0.argv.starts(with: ["ecs", "describe-clusters"]) })

            let calls = try ws.calls("ecs-cli")
            try #require(calls.count == 2, "\(spec.file): ecs-cli ran \(calls.map { $0.argv })")
            let configure = calls[0].argv, up = calls[1].argv
            #expect(configure.first == "configure")
            #expect(WorkstationRun.value("--cluster", in: configure) == ws.cluster && WorkstationRun.value("--region", in: configure) == ws.region)
            #expect(WorkstationRun.value("--config-name", in: configure) == ws.cluster, "\(configure)")
            #expect(up.first == "compose" && up.last == "up", "\(up)")
            #expect(WorkstationRun.value("--project-name", in: up) == spec.name && WorkstationRun.value("--cluster-config", in: up) == ws.cluster, "\(up)")
            for (flag, file) in [("--file", "ecs/docker-compose.yml"), ("--ecs-params", "ecs/ecs-params.yml")] {
                let given = try #require(WorkstationRun.value(flag, in: up))
                #expect(WorkstationRun.resolve(given, from: calls[1].cwd) == ws.tree.appendingPathComponent(file).path, "\(flag) \(given) from \(calls[1].cwd)")
            }
            try Self.expectNoSecret(ws, result)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: ecsSpecs)
    func waitGivesUpNamingWhatItWaitedFor(_ spec: CompiledSpec) throws {
        try Self.withRun(spec, counts: { [$0 - 1] }) { ws, ecs in
            let result = try ws.run([], endpoint: ecs, timeout: 1)
            #expect(result.status == 1, "\(spec.file): \(result.output)")
            #expect(result.stderr.contains("timed out after 1s waiting until \(ws.agents) container instances are registered in ECS cluster \(ws.cluster)"), "\(result.stderr)")
            #expect(try !ecs.requests().isEmpty && ecs.requests().allSatisfy { $0.operation == "DescribeClusters" })
            #expect(try ws.calls("ecs-cli").map { $0.argv.first } == ["configure"], "\(spec.file): compose ran after a failed wait")
            try Self.expectNoSecret(ws, result)
        }
    }

    /// The real CLI reads and validates ecs/task-definition.json and sends it
    /// as it is; compose up is skipped.
    @Test(.timeLimit(.minutes(1)), arguments: ecsSpecs)
    func registerTaskDefinitionSendsTheCompiledFile(_ spec: CompiledSpec) throws {
        try Self.withRun(spec, counts: { [$0] }) { ws, ecs in
            let result = try ws.run(["--register-task-definition"], endpoint: ecs)
            #expect(result.status == 0, "\(spec.file): \(result.output)")
            #expect(result.stdout.contains("compose-up: skipped"))
            #expect(try ws.calls("ecs-cli").map { $0.argv.first } == ["configure"], "\(spec.file): compose ran")

            let requests = try ecs.requests()
            #expect(requests.map { $0.operation } == ["DescribeClusters", "RegisterTaskDefinition"], "\(requests.map { $0.target })")
            let sent = try #require(requests.last { $0.operation == "RegisterTaskDefinition" })
            let file = ws.tree.appendingPathComponent("ecs/task-definition.json")
            let canonical = try Python.run("import json, sys\nsys.stdout.write(json.dumps(json.load(open(sys.argv[1])), sort_keys=True))\n", [file.path])
            #expect(canonical.status == 0 && sent.canonical == canonical.stdout, "\(spec.file): sent \(sent.canonical)")
            let register = try #require(ws.calls("aws").last)
            let input = try #require(WorkstationRun.value("--cli-input-json", in: register.argv))
            #expect(input.hasPrefix("file://") && WorkstationRun.resolve(String(input.dropFirst(7)), from: register.cwd) == file.path, "\(input)")
            try Self.expectNoSecret(ws, result)
        }
    }
}
