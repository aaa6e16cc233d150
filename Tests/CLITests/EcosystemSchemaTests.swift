import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// `topoc schema` handed to check-jsonschema: the schema is valid draft
/// 2020-12, every spec the project ships validates against it, and specs that
/// topoc rejects in its front end (unknown key, bad enum, wrong type, missing
/// key) fail it too. Each case is also run through topoc itself, so the
/// expectations are topoc's and not guesses.
@Suite(.serialized) struct EcosystemSchemaTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        /// The front-end rule topoc reports; nil for a spec topoc accepts.
        let rule: String?
        var testDescription: String { name }
    }

    static let base = """
    version: 1
    name: demo
    defaults: {os: ubuntu2204}
    subnets:
      lan: {cidr: 10.0.0.0/24}
    hosts:
      h1: {ifaces: {eth0: {subnet: lan, address: 10.0.0.11}}, devices: [/dev/sdb]}
      h2: {ifaces: {eth0: {subnet: lan, address: 10.0.0.12}}, devices: [/dev/sdb]}
      h3: {ifaces: {eth0: {subnet: lan, address: 10.0.0.13}}, devices: [/dev/sdb]}

    """

    static let validCases: [Case] = [
        Case(name: "the base spec", yaml: base, rule: nil),
        Case(name: "x- keys, anchors and merge keys", yaml: """
            version: 1
            name: demo
            x-iface: &lan {subnet: lan}
            subnets:
              lan: {cidr: 10.0.0.0/24, mtu: 9001}
            hosts:
              h1: {os: rocky9, ifaces: {eth0: {<<: *lan, address: 10.0.0.11}}}
            """, rule: nil),
        Case(name: "versions written as YAML numbers", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: 3.5, run: host, members: [h1, h2, h3]}
            overlay: {type: flannel, version: 0.22, kvdb: k, network: 10.1.0.0/16, backend: vxlan, hosts: all}
            """, rule: nil),
        Case(name: "digit-only cluster id, token and port mapping", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [h1], token: 12345}
            portworx: {image: portworx/px-dev, cluster_id: 20240101, kvdb: k, storage: {all_devices: true}, hosts: [h1, h2, h3]}
            ecs:
              cluster: demo
              region: us-west-1
              services:
                web: {image: "nginx:1.25", ports: [80, "8080:80/tcp"], environment: {N: 1, FLAG: true}}
            """, rule: nil),
        Case(name: "an external kvdb", yaml: base + """
            kvdbs:
              ext: {engine: etcd, endpoints: ["http://etcd.example.com:2379"]}
            """, rule: nil),
        Case(name: "docker with user namespaces", yaml: base + """
            docker: {hosts: [h1], userns_remap: default, subordinate_ids: {start: 500000, count: 65536}}
            """, rule: nil),
    ]

    static let invalidCases: [Case] = [
        Case(name: "an unknown top-level key", yaml: base + "hostz: {}\n", rule: "unknown-key"),
        Case(name: "an unknown key in a host", yaml: base.replacingOccurrences(of: "devices: [/dev/sdb]}\n  h2", with: "device: [/dev/sdb]}\n  h2"), rule: "unknown-key"),
        Case(name: "an os outside the enum", yaml: base.replacingOccurrences(of: "os: ubuntu2204", with: "os: centos8"), rule: "bad-value"),
        Case(name: "a backend outside the enum", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: "3.5", run: host, members: [h1]}
            overlay: {type: flannel, version: "0.22", kvdb: k, network: 10.1.0.0/16, backend: gre}
            """, rule: "bad-value"),
        Case(name: "a port given as a string", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: "3.5", run: host, members: [h1], client_port: "2379"}
            """, rule: "type-mismatch"),
        Case(name: "a boolean spelt yes", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: "3.5", run: host, members: [h1], enable_v2: "yes"}
            """, rule: "type-mismatch"),
        Case(name: "hosts as a list", yaml: """
            version: 1
            name: demo
            subnets: {lan: {cidr: 10.0.0.0/24}}
            hosts: [h1]
            """, rule: "type-mismatch"),
        Case(name: "a name with capitals", yaml: base.replacingOccurrences(of: "name: demo", with: "name: Demo"), rule: "bad-value"),
        Case(name: "a version that is not one", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: true, run: host, members: [h1]}
            """, rule: "bad-value"),
        Case(name: "a missing required key", yaml: base.replacingOccurrences(of: "name: demo\n", with: ""), rule: "missing-key"),
        Case(name: "no hosts at all", yaml: """
            version: 1
            name: demo
            subnets: {lan: {cidr: 10.0.0.0/24}}
            hosts: {}
            """, rule: "missing-key"),
        Case(name: "a host without ifaces", yaml: base.replacingOccurrences(of: "{ifaces: {eth0: {subnet: lan, address: 10.0.0.13}}, devices: [/dev/sdb]}", with: "{ifaces: {}}"), rule: "missing-key"),
        Case(name: "a kvdb both external and run", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: "3.5", run: host, members: [h1], endpoints: ["http://etcd.example.com:2379"]}
            """, rule: "unknown-key"),
        Case(name: "a run kvdb without members", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: "3.5", run: host}
            """, rule: "missing-key"),
        Case(name: "a container kvdb without image", yaml: base + """
            kvdbs:
              k: {engine: etcd, version: "3.5", run: container, members: [h1]}
            """, rule: "missing-key"),
        Case(name: "userns_remap without subordinate_ids", yaml: base + """
            docker: {userns_remap: default}
            """, rule: "missing-key"),
    ]

    static var schemaFile: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-schema-\(UUID().uuidString).json")
        try? runTopoc(["schema"]).stdout.write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    func checkJSONSchema() throws -> String {
        try #require(Ecosystem.venvTool("check-jsonschema"), Ecosystem.missing("check-jsonschema"))
    }

    @Test func schemaIsValidDraft202012() throws {
        let tool = try checkJSONSchema()
        let r = try Subprocess.run([tool, "--check-metaschema", Self.schemaFile.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let schema = try #require(try Ecosystem.json(String(contentsOf: Self.schemaFile, encoding: .utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func everyShippedSpecValidates() throws {
        let tool = try checkJSONSchema()
        #expect(Ecosystem.specFiles.count >= 2)
        let r = try Subprocess.run([tool, "--schemafile", Self.schemaFile.path] + Ecosystem.specFiles)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test(arguments: validCases + invalidCases)
    func schemaAgreesWithTopoc(_ c: Case) throws {
        let tool = try checkJSONSchema()
        // What topoc's front end says, first: the case must mean what it claims.
        let frontEnd = Set(Pipeline.frontEndAndPlannerRules)
        let found = Pipeline.check(Array(c.yaml.utf8)).diagnostics.filter { $0.severity == .error && frontEnd.contains($0.rule) }.map { $0.rule }
        if let rule = c.rule { #expect(found.contains(rule), "topoc reports \(found), not \(rule)") }
        else { #expect(found.isEmpty, "topoc rejects the valid case: \(found)") }
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let spec = dir.appendingPathComponent("spec.yaml")
        try c.yaml.write(to: spec, atomically: true, encoding: .utf8)
        let r = try Subprocess.run([tool, "--schemafile", Self.schemaFile.path, spec.path])
        if c.rule == nil { #expect(r.status == 0, "the schema rejects a spec topoc accepts:\n\(r.stdout)\(r.stderr)") }
        else { #expect(r.status == 1, "the schema accepts a spec topoc rejects (\(c.rule ?? "")):\n\(r.stdout)\(r.stderr)") }
    }
}
