import Foundation
import Model
import TestSupport
import Testing

/// The ECS files, read by the programs that consume them: Debian's
/// docker-compose for the compose file, PyYAML for ecs-params.yml, botocore's
/// ECS service model for task-definition.json.
@Suite struct ECSTests {
    static let ecsSpecs = Specs.all.filter { $0.topology.ecs != nil }

    @Test func someSpecsHaveECS() { #expect(Self.ecsSpecs.count >= 2) }

    /// `docker-compose config` on the compose file (in a scratch directory, so
    /// no project file around it is read) and the resolved config as JSON.
    static func composeConfig(_ compose: [UInt8]) throws -> (Subprocess.Result, Any?) {
        let dir = try Scratch.directory("compose")
        defer { Scratch.remove(dir) }
        try Scratch.write(compose, to: dir.appendingPathComponent("docker-compose.yml"))
        let result = try Subprocess.run(["docker-compose", "--no-ansi", "-f", "docker-compose.yml", "config"], environment: ["COMPOSE_PROJECT_NAME": "conformance"], in: dir)
        guard result.status == 0 else { return (result, nil) }
        return (result, try Python.yamlAsJSON(result.stdout))
    }

    @Test(arguments: ecsSpecs)
    func composeFilePassesDockerComposeConfig(_ spec: CompiledSpec) throws {
        guard Tool.require("docker-compose") else { return }
        let compose = try #require(spec.file("ecs/docker-compose.yml"))
        let (result, parsed) = try Self.composeConfig(compose.bytes)
        #expect(result.status == 0, "\(spec.file): \(result.stderr)")
        #expect(!result.stderr.contains("WARNING"), "\(spec.file): \(result.stderr)")
        let config = try #require(parsed as? [String: Any])
        let services = try #require(config["services"] as? [String: Any])
        let ecs = try #require(spec.topology.ecs)
        #expect(Set(services.keys) == Set(ecs.services.map { $0.name.value }))
        for service in ecs.services {
            let s = try #require(services[service.name.value] as? [String: Any])
            #expect(s["image"] as? String == service.image.value.description, "\(service.name.value)")
            // `config` writes a literal `$` as `$$` again; undo it to compare.
            let env = (s["environment"] as? [String: Any] ?? [:]).mapValues { ($0 as? String ?? "\($0)").replacingOccurrences(of: "$$", with: "$") }
            for (key, value) in service.environment {
                #expect(env[key.value] == value.value, "\(spec.file) \(service.name.value) \(key.value)")
            }
            #expect(Set(s["links"] as? [String] ?? []) == Set(service.links.map { $0.value }), "\(service.name.value)")
            if case .list(let words)? = service.command?.value {
                #expect(s["command"] as? [String] == words, "\(service.name.value)")
            }
            let ports = s["ports"] as? [[String: Any]] ?? []
            #expect(ports.count == service.ports.count, "\(service.name.value): \(ports)")
            for (p, mapping) in zip(ports, service.ports.map { $0.value }) {
                #expect(p["target"] as? Int == mapping.containerPort && p["protocol"] as? String == mapping.proto.rawValue, "\(p)")
                #expect((p["published"] as? Int) == mapping.hostPort, "\(p)")
            }
        }
    }

    /// ecs-params.yml declares exactly the compose file's volumes, with the
    /// spec's driver, scope, autoprovision and driver options.
    @Test(arguments: ecsSpecs)
    func ecsParamsNamesExactlyTheComposeVolumes(_ spec: CompiledSpec) throws {
        let composeText = try #require(spec.text("ecs/docker-compose.yml")), paramsText = try #require(spec.text("ecs/ecs-params.yml"))
        let compose = try #require(try Python.yamlAsJSON(composeText) as? [String: Any])
        let params = try #require(try Python.yamlAsJSON(paramsText) as? [String: Any])
        let composeVolumes = (compose["volumes"] as? [String: Any])?.keys.sorted() ?? []
        let task = try #require(params["task_definition"] as? [String: Any])
        let declared = task["docker_volumes"] as? [[String: Any]] ?? []
        #expect(declared.compactMap { $0["name"] as? String }.sorted() == composeVolumes, "\(spec.file)")
        let ecs = try #require(spec.topology.ecs)
        #expect(composeVolumes == ecs.volumes.map { $0.name.value }.sorted())
        for volume in ecs.volumes {
            let d = try #require(declared.first { $0["name"] as? String == volume.name.value })
            #expect(d["driver"] as? String == volume.driver?.value, "\(volume.name.value)")
            #expect(d["scope"] as? String == volume.scope?.value.rawValue, "\(volume.name.value)")
            #expect(d["autoprovision"] as? Bool == volume.autoprovision?.value, "\(volume.name.value)")
            let opts = d["driver_opts"] as? [String: String] ?? [:]
            #expect(opts == Dictionary(uniqueKeysWithValues: volume.driverOpts.map { ($0.key.value, $0.value.value) }), "\(volume.name.value)")
        }
        // Every mount in compose names a declared volume.
        for case let service as [String: Any] in (compose["services"] as? [String: Any] ?? [:]).values {
            for mount in service["volumes"] as? [String] ?? [] {
                #expect(composeVolumes.contains(String(mount.prefix { $0 != ":" })), "\(mount)")
            }
        }
    }

    @Test(arguments: ecsSpecs)
    func taskDefinitionValidatesAgainstBotocoresECSModel(_ spec: CompiledSpec) throws {
        let dir = try Scratch.directory("taskdef")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("task-definition.json")
        let task = try #require(spec.file("ecs/task-definition.json"))
        try Scratch.write(task.bytes, to: file)
        let result = try Python.run(Python.validateTaskDefinition, [file.path])
        #expect(result.status == 0 && result.output.isEmpty, "\(spec.file): \(result.output)")
    }
}
