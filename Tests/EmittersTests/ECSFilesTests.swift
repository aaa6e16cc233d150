import Foundation
import TestSupport
import Testing
import Model
@testable import Emitters

/// The ECS files with every optional field and hostile values, checked with
/// docker-compose and PyYAML/json: `$` and `%` must survive exactly.
@Suite struct ECSFilesTests {
    static let hostileValue = "$HOME ${X} $$ 100% \"q\" 'a' `id` \\ é\nnext"

    static let yaml = """
    version: 1
    name: shop
    defaults: {os: ubuntu2204}
    subnets: {lan: {cidr: 10.0.0.0/24}}
    hosts:
      a: {ifaces: {eth0: {subnet: lan, address: 10.0.0.5}}}
    ecs:
      cluster: prod
      region: eu-west-1
      agent: {image: "amazon/amazon-ecs-agent:v1.80.0", log_level: debug, task_iam_role: false}
      volumes:
        data: {driver: pxd, scope: shared, autoprovision: true, driver_opts: {size: "10", repl: "3"}}
        scratch: {driver: local, scope: task, autoprovision: true}
        unused: {driver: pxd, scope: shared}
      services:
        "on":
          image: "nginx:1.25"
          command: "echo $HOME && exec nginx -g 'daemon off;' # 100%"
          environment: {"YES": 'no', GREETING: '\(hostileValue.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: "\\n"))', EMPTY: ""}
          links: [db]
          ports: ["8080:80", "53/udp"]
          memory: 256
          cpu: 128
          volumes: ["scratch:/tmp/s"]
        db:
          image: postgres
          command: [postgres, -c, "max_connections=100"]
          volumes: ["data:/var/lib/postgresql/data", "scratch:/cache:ro"]
          privileged: true
    """

    /// `docker-compose -f FILE config` in a scratch directory.
    static func composeConfig(_ compose: String) throws -> Subprocess.Result {
        let dir = try Scratch.directory("emitters")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("docker-compose.yml")
        try Scratch.write(compose, to: file)
        return try Subprocess.run(["docker-compose", "-f", file.path, "config"])
    }

    /// The YAML file as JSON, read by PyYAML.
    static func load(_ yaml: String) throws -> Any? {
        let program = "import sys, yaml, json; sys.stdout.write(json.dumps(yaml.safe_load(sys.stdin.buffer.read().decode('utf-8'))))"
        let result = try Subprocess.run(["python3", "-c", program], stdin: Data(yaml.utf8))
        guard result.status == 0 else { Issue.record("PyYAML: \(result.stderr)"); return nil }
        return try JSONSerialization.jsonObject(with: result.stdoutData)
    }

    // The YAML literal above writes `\n` as an escape inside a single-quoted
    // YAML scalar, which YAML keeps as two characters.
    static let greeting = hostileValue.replacingOccurrences(of: "\n", with: "\\n")

    @Test func composeKeepsEveryValueThroughInterpolation() throws {
        let t = try Support.topology(Self.yaml)
        let compose = try #require(ECSFiles.compose(t))
        guard Subprocess.exists("docker-compose") else { Issue.record("docker-compose is not installed"); return }
        let result = try Self.composeConfig(compose)
        #expect(result.status == 0, "\(result.stderr)")
        // An unescaped `$HOME` would be interpolated, an unset one warned about.
        #expect(!result.stderr.contains("variable is not set"), "\(result.stderr)")
        #expect(!result.stdout.contains(NSHomeDirectory()) || NSHomeDirectory() == "/")

        // PyYAML reads what compose interpolates: `$$` there is one `$`.
        let doc = try #require(try Self.load(compose) as? [String: Any])
        #expect(doc["version"] as? String == "2")
        let services = try #require(doc["services"] as? [String: Any])
        let on = try #require(services["on"] as? [String: Any])
        let env = try #require(on["environment"] as? [String: String])
        func uninterpolated(_ s: String) -> String { s.replacingOccurrences(of: "$$", with: "$") }
        #expect(env.mapValues(uninterpolated) == ["YES": "no", "GREETING": Self.greeting, "EMPTY": ""])
        #expect((on["command"] as? [String])?.map(uninterpolated) == ["/bin/sh", "-c", "echo $HOME && exec nginx -g 'daemon off;' # 100%"])
        #expect(on["ports"] as? [String] == ["8080:80/tcp", "53/udp"])
        #expect(on["mem_limit"] as? String == "256m")
        #expect(on["cpu_shares"] as? Int == 128)
        #expect(on["links"] as? [String] == ["db"])
        let db = try #require(services["db"] as? [String: Any])
        #expect(db["command"] as? [String] == ["postgres", "-c", "max_connections=100"])
        #expect(db["volumes"] as? [String] == ["data:/var/lib/postgresql/data", "scratch:/cache:ro"])
        #expect(db["privileged"] as? Bool == true)
        #expect(db["mem_limit"] as? String == "512m")
        // Only the volumes a service uses, in declaration order.
        let volumes = try #require(doc["volumes"] as? [String: Any])
        #expect(volumes.keys.sorted() == ["data", "scratch"])
        #expect(compose.range(of: "  data: {}")!.lowerBound < compose.range(of: "  scratch: {}")!.lowerBound)
    }

    @Test func ecsParamsNameExactlyTheComposeVolumes() throws {
        let t = try Support.topology(Self.yaml)
        let params = try #require(ECSFiles.ecsParams(t))
        let doc = try #require(try Self.load(params) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        let task = try #require(doc["task_definition"] as? [String: Any])
        #expect(task["ecs_network_mode"] as? String == "bridge")
        let volumes = try #require(task["docker_volumes"] as? [[String: Any]])
        #expect(volumes.map { $0["name"] as? String } == ["data", "scratch"])
        #expect(volumes[0]["driver"] as? String == "pxd" && volumes[0]["scope"] as? String == "shared" && volumes[0]["autoprovision"] as? Bool == true)
        #expect(volumes[0]["driver_opts"] as? [String: String] == ["size": "10", "repl": "3"])
        // autoprovision applies to shared volumes only.
        #expect(volumes[1]["scope"] as? String == "task" && volumes[1]["autoprovision"] == nil)
    }

    @Test func taskDefinitionCarriesTheSameTask() throws {
        let t = try Support.topology(Self.yaml)
        let json = try #require(ECSFiles.taskDefinition(t))
        let check = try Subprocess.run(["python3", "-m", "json.tool"], stdin: Data(json.utf8))
        #expect(check.status == 0, "\(check.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(doc["family"] as? String == "prod-shop")
        let containers = try #require(doc["containerDefinitions"] as? [[String: Any]])
        let on = containers[0]
        #expect(on["name"] as? String == "on" && on["image"] as? String == "nginx:1.25")
        #expect(on["memory"] as? Int == 256 && on["cpu"] as? Int == 128)
        // `$` and `%` exactly as written: JSON needs no doubling.
        #expect(on["command"] as? [String] == ["/bin/sh", "-c", "echo $HOME && exec nginx -g 'daemon off;' # 100%"])
        let env = try #require(on["environment"] as? [[String: String]])
        #expect(env.map { $0["name"]! } == ["YES", "GREETING", "EMPTY"])  // spec order
        #expect(Array(env[1]["value"]!.utf8) == Array(Self.greeting.utf8))
        let ports = try #require(on["portMappings"] as? [[String: Any]])
        #expect(ports[0]["containerPort"] as? Int == 80 && ports[0]["hostPort"] as? Int == 80 + 8000 && ports[0]["protocol"] as? String == "tcp")
        #expect(ports[1]["containerPort"] as? Int == 53 && ports[1]["hostPort"] == nil && ports[1]["protocol"] as? String == "udp")
        let db = containers[1]
        #expect(db["memory"] as? Int == 512)  // the default
        #expect(db["privileged"] as? Bool == true)
        let mounts = try #require(db["mountPoints"] as? [[String: Any]])
        #expect(mounts.map { $0["readOnly"] as? Bool } == [false, true])
        let volumes = try #require(doc["volumes"] as? [[String: Any]])
        #expect(volumes.map { $0["name"] as? String } == ["data", "scratch"])
        let data = try #require(volumes[0]["dockerVolumeConfiguration"] as? [String: Any])
        #expect(data["driverOpts"] as? [String: String] == ["size": "10", "repl": "3"])
        let scratch = try #require(volumes[1]["dockerVolumeConfiguration"] as? [String: Any])
        #expect(scratch["autoprovision"] == nil && scratch["scope"] as? String == "task")
    }

    @Test func agentSettingsFromTheSpec() throws {
        let run = Containers.ecsAgent(host: "a", in: try Support.topology(Self.yaml))
        #expect(run.image == "amazon/amazon-ecs-agent:v1.80.0")
        #expect(run.flags.contains("ECS_LOGLEVEL=debug"))
        #expect(run.flags.contains("ECS_ENABLE_TASK_IAM_ROLE=false"))
        #expect(!run.flags.contains { $0.hasPrefix("ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST") })
        #expect(run.flags.contains("ECS_RESERVED_PORTS=[22,2375,2376,51678,51679]"))
        #expect(!run.flags.contains { $0.hasPrefix("ECS_RESERVED_PORTS_UDP") })
    }
}
