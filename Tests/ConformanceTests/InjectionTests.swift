import Foundation
import TestSupport
import Testing
import TopocCLI

/// Hostile strings (quotes, `$( )`, backticks, newlines, `;`, `%`, `$`,
/// combining marks) in every string field of a spec that reaches an output:
/// topoc rejects the value with `bad-value`, or every consumer reads back
/// exactly the string and no script runs any part of it.
@Suite struct InjectionTests {
    /// `{canary}` is replaced by a path that must never come to exist.
    static let hostile = "q'uo\"te $(touch {canary}) `touch {canary}`; touch {canary} && echo $HOME ${HOME} %n %% %i \\ | > < e\u{301}\nsecond line\ttab"

    /// A spec reaching every output kind; `{field}` marks where the hostile value goes.
    static func spec(_ field: String, _ value: String) -> String {
        func v(_ name: String, _ benign: String) -> String { name == field ? yamlQuoted(value) : benign }
        return """
        version: 1
        name: injection
        description: \(v("description", "plain"))
        defaults: {os: rocky9}
        subnets:
          lan: {cidr: 10.70.0.0/24}
        hosts:
          h1: {ifaces: {eth0: {subnet: lan, address: 10.70.0.11}}, devices: [/dev/sdb]}
          h2: {ifaces: {eth0: {subnet: lan, address: 10.70.0.12}}, devices: [/dev/sdb]}
          h3: {ifaces: {eth0: {subnet: lan, address: 10.70.0.13}}, devices: [/dev/sdb]}
        kvdbs:
          overlay-kv: {engine: etcd, version: "3.4", run: host, members: [h1, h2, h3], token: \(v("token", "ok-token")), data_dir: \(v("data_dir", "/var/lib/etcd/ok"))}
          px-kv: {engine: etcd, version: "3.4", run: container, image: \(v("image", "quay.io/coreos/etcd:v3.4.23")), members: [h1, h2, h3], client_port: 12379, peer_port: 12380}
        overlay: {type: flannel, version: "0.22.0", kvdb: overlay-kv, network: 10.7.0.0/16, backend: vxlan, prefix: \(v("prefix", "/ok/network")), iface: \(v("iface", "eth0"))}
        docker: {userns_remap: \(v("userns_remap", "default")), subordinate_ids: {start: 100000, count: 65536}}
        portworx: {image: "portworx/px-enterprise:2.13.3", cluster_id: \(v("cluster_id", "ok")), kvdb: px-kv, storage: {devices: [\(v("device", "/dev/sdb"))]}}
        ecs:
          cluster: \(v("cluster", "ok"))
          region: \(v("region", "us-west-1"))
          volumes:
            data: {driver: \(v("driver", "pxd")), scope: shared, autoprovision: true, driver_opts: {size: \(v("driver_opts", "\"10\""))}}
          services:
            app:
              image: "example/app:1.0"
              command: \(v("command", "run"))
              environment: {VALUE: \(v("environment", "plain"))}
              volumes: ["data:/data"]
              memory: 128
            worker:
              image: "example/worker:1.0"
              command: [\(v("command_list", "work")), "--flag"]
              memory: 128
        lint: {ignore: [userns-volume-driver]}
        """
    }

    /// A YAML double-quoted scalar (JSON escapes are valid in YAML).
    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static let rejectedFields = ["token", "data_dir", "image", "prefix", "iface", "userns_remap", "cluster_id", "device", "cluster", "region", "driver"]
    static let acceptedFields = ["description", "environment", "command", "command_list", "driver_opts"]

    @Test func theBenignSpecCompiles() throws {
        _ = try Specs.compile(Self.spec("", ""))
    }

    @Test(arguments: rejectedFields)
    func patternedFieldsRejectHostileValues(_ field: String) throws {
        let checked = Pipeline.check(Array(Self.spec(field, Self.hostile.replacingOccurrences(of: "{canary}", with: "/tmp/x")).utf8))
        let rules = Set(checked.diagnostics.filter { $0.severity == .error }.map { $0.rule })
        #expect(rules == ["bad-value"], "\(field): \(checked.diagnostics.map { "\($0.rule): \($0.message)" })")
    }

    static func same(_ a: String?, _ b: String) -> Bool { a.map { Array($0.unicodeScalars) == Array(b.unicodeScalars) } ?? false }

    @Test(arguments: acceptedFields)
    func freeTextArrivesQuotedEverywhere(_ field: String) throws {
        let dir = try Scratch.directory("inject")
        defer { Scratch.remove(dir) }
        let canary = dir.appendingPathComponent("canary").path
        let value = Self.hostile.replacingOccurrences(of: "{canary}", with: canary)
        let spec = try Specs.compile(Self.spec(field, value), file: "injection(\(field))")

        // Scripts: shellcheck-clean, and a dry run executes none of it.
        let scripts = try ShellcheckTests.writeScripts(spec, to: dir)
        let lint = try ShellcheckTests.shellcheck(scripts, in: dir)
        #expect(lint.status == 0, "\(field): \(lint.output)")
        let stubs = dir.appendingPathComponent("bin"), state = dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: stubs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try StubCommands.install(in: stubs)
        for script in scripts {
            let r = try Subprocess.run(["bash", dir.appendingPathComponent(script).path, "--dry-run"], environment: [
                "PATH": "\(stubs.path):/usr/bin:/bin", "TOPOC_ROOT": dir.appendingPathComponent("root").path, "TOPOC_STUB_STATE": state.path,
                "AWS_PROFILE": "conformance", "HOME": state.path], replaceEnvironment: true, in: dir.appendingPathComponent((script as NSString).deletingLastPathComponent))
            #expect(r.status == 0, "\(field) \(script): \(r.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: canary), "\(field): the canary was created")

        // Units still verify.
        for host in spec.hosts {
            let units = SystemdTests.hostUnits(spec, host)
            if units.isEmpty { continue }
            let r = try SystemdTests.verify(units)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(field) \(host): \(r.output)")
        }

        // Compose (docker-compose config), YAML (PyYAML) and JSON (json.loads) give back the exact string.
        let composeBytes = try #require(spec.file("ecs/docker-compose.yml")).bytes
        let (composeResult, composeConfig) = try ECSTests.composeConfig(composeBytes)
        #expect(composeResult.status == 0, "\(field): \(composeResult.stderr)")
        let services = (composeConfig as? [String: Any])?["services"] as? [String: Any] ?? [:]
        let app = services["app"] as? [String: Any] ?? [:], worker = services["worker"] as? [String: Any] ?? [:]
        let paramsText = try #require(spec.text("ecs/ecs-params.yml")), taskText = try #require(spec.text("ecs/task-definition.json"))
        let params = try Python.yamlAsJSON(paramsText) as? [String: Any] ?? [:]
        let task = try Python.jsonRoundTrip(taskText) as? [String: Any] ?? [:]
        let containers = task["containerDefinitions"] as? [[String: Any]] ?? []
        let taskApp = containers.first { $0["name"] as? String == "app" } ?? [:], taskWorker = containers.first { $0["name"] as? String == "worker" } ?? [:]
        func unescapeCompose(_ s: String?) -> String? { s?.replacingOccurrences(of: "$$", with: "$") }
        switch field {
        case "environment":
            let env = app["environment"] as? [String: Any]
            #expect(Self.same(unescapeCompose(env?["VALUE"] as? String), value), "compose: \(String(describing: env?["VALUE"]))")
            let taskEnv = (taskApp["environment"] as? [[String: String]])?.first { $0["name"] == "VALUE" }?["value"]
            #expect(Self.same(taskEnv, value), "task definition: \(String(describing: taskEnv))")
        case "command":
            // A command string runs through /bin/sh -c, as compose's string form does.
            let words = (app["command"] as? [String])?.map { $0.replacingOccurrences(of: "$$", with: "$") } ?? []
            #expect(Self.same(words.last, value) || words == [value], "compose: \(words)")
            let taskWords = taskApp["command"] as? [String] ?? []
            #expect(Self.same(taskWords.last, value), "task definition: \(taskWords)")
        case "command_list":
            let words = (worker["command"] as? [String])?.map { $0.replacingOccurrences(of: "$$", with: "$") } ?? []
            #expect(words.count == 2 && Self.same(words.first, value), "compose: \(words)")
            let taskWords = taskWorker["command"] as? [String] ?? []
            #expect(taskWords.count == 2 && Self.same(taskWords.first, value), "task definition: \(taskWords)")
        case "driver_opts":
            let volumes = (params["task_definition"] as? [String: Any])?["docker_volumes"] as? [[String: Any]] ?? []
            #expect(Self.same((volumes.first?["driver_opts"] as? [String: String])?["size"], value), "ecs-params: \(volumes)")
            let taskVolumes = task["volumes"] as? [[String: Any]] ?? []
            let opts = (taskVolumes.first?["dockerVolumeConfiguration"] as? [String: Any])?["driverOpts"] as? [String: String]
            #expect(Self.same(opts?["size"], value), "task definition: \(String(describing: opts))")
        default:
            break  // description reaches no file; the checks above still ran on every output
        }
    }
}
