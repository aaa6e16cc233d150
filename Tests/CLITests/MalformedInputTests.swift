import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// Malformed specs, each with the rule expected and, marked by `»` in the text,
/// the exact place the diagnostic must point at (the marker is removed before
/// the spec is written). Every case runs through `topoc lint --format json`.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    let name: String
    let rule: String
    let text: String
    var testDescription: String { name }

    init(_ name: String, _ rule: String, _ text: String) {
        self.name = name
        self.rule = rule
        self.text = text
    }
}

let validHead = """
version: 1
name: t
subnets:
  lan: {cidr: 10.0.0.0/24}
hosts:
  a: {os: centos7, ifaces: {eth0: {subnet: lan, address: 10.0.0.1}}}
  b: {os: centos7, ifaces: {eth0: {subnet: lan, address: 10.0.0.2}}, devices: [/dev/sdb]}

"""

let malformedCases: [MalformedCase] = [
    // YAML syntax
    MalformedCase("tab indentation", "yaml-syntax", "version: 1\nhosts:\n»\ta: 1\n"),
    MalformedCase("unclosed flow mapping", "yaml-syntax", "version: 1\nsubnets: {lan: {cidr: 10.0.0.0/24}\n»"),
    MalformedCase("second document", "yaml-syntax", validHead + "»---\nversion: 1\n"),
    MalformedCase("undefined alias", "yaml-syntax", validHead + "description: »*nothing\n"),
    MalformedCase("merge of a scalar", "yaml-syntax", validHead + "defaults: {<<: »x}\n"),
    // libyaml notices only at the colon that the indented key cannot start a mapping.
    MalformedCase("bad indentation", "yaml-syntax", "version: 1\nname: t\n  bad»: 2\n"),
    MalformedCase("unterminated quote", "yaml-syntax", "version: 1\nname: \"t\n»"),
    MalformedCase("invalid UTF-8", "yaml-syntax", "version: 1\nname: »\u{FFFD}\n"),
    MalformedCase("NUL byte", "yaml-syntax", "version: 1\nname: t»\u{0}\n"),
    // duplicate keys
    MalformedCase("duplicate top-level key", "duplicate-key", validHead + "»version: 1\n"),
    MalformedCase("duplicate host", "duplicate-key", validHead.replacingOccurrences(of: "  b: {", with: "  »a: {")),
    MalformedCase("duplicate flow key", "duplicate-key", validHead + "defaults: {os: centos7, »os: rocky9}\n"),
    // spec version and top level
    MalformedCase("version 2", "unsupported-version", validHead.replacingOccurrences(of: "version: 1", with: "version: »2")),
    MalformedCase("quoted version", "type-mismatch", validHead.replacingOccurrences(of: "version: 1", with: "version: »\"1\"")),
    MalformedCase("missing name", "missing-key", "»" + validHead.replacingOccurrences(of: "name: t\n", with: "")),
    MalformedCase("bad deployment name", "bad-value", validHead.replacingOccurrences(of: "name: t", with: "name: »Bad_Name")),
    MalformedCase("unknown top-level key", "unknown-key", validHead + "»hostz: {}\n"),
    MalformedCase("subnets as a list", "type-mismatch", validHead.replacingOccurrences(of: "subnets:\n  lan: {cidr: 10.0.0.0/24}", with: "subnets: »[lan]")),
    MalformedCase("empty file", "missing-key", "»"),
    MalformedCase("comment-only file", "missing-key", "»# nothing here\n"),
    // subnets
    MalformedCase("cidr with host bits", "bad-value", validHead.replacingOccurrences(of: "cidr: 10.0.0.0/24", with: "cidr: »10.0.0.5/24")),
    MalformedCase("cidr garbage", "bad-value", validHead.replacingOccurrences(of: "cidr: 10.0.0.0/24", with: "cidr: »10.0.0/24")),
    MalformedCase("mtu too small", "bad-value", validHead.replacingOccurrences(of: "{cidr: 10.0.0.0/24}", with: "{cidr: 10.0.0.0/24, mtu: »100}")),
    MalformedCase("mtu quoted", "type-mismatch", validHead.replacingOccurrences(of: "{cidr: 10.0.0.0/24}", with: "{cidr: 10.0.0.0/24, mtu: »\"1500\"}")),
    MalformedCase("gateway not an address", "bad-value", validHead.replacingOccurrences(of: "{cidr: 10.0.0.0/24}", with: "{cidr: 10.0.0.0/24, gateway: »10.0.0.x}")),
    // hosts and ifaces
    MalformedCase("unknown os", "bad-value", validHead.replacingOccurrences(of: "a: {os: centos7", with: "a: {os: »windows")),
    MalformedCase("iface name over 15 bytes", "bad-value", validHead.replacingOccurrences(of: "ifaces: {eth0: {subnet: lan, address: 10.0.0.1}", with: "ifaces: {»averyveryverylongname0: {subnet: lan, address: 10.0.0.1}")),
    MalformedCase("unknown subnet", "unknown-reference", validHead.replacingOccurrences(of: "subnet: lan, address: 10.0.0.1", with: "subnet: »lam, address: 10.0.0.1")),
    MalformedCase("bad address", "bad-value", validHead.replacingOccurrences(of: "address: 10.0.0.1", with: "address: »10.0.0.256")),
    MalformedCase("address with zone id", "bad-value", validHead.replacingOccurrences(of: "address: 10.0.0.1", with: "address: »fe80::1%eth0")),
    MalformedCase("host without ifaces", "missing-key", validHead.replacingOccurrences(of: "a: {os: centos7, ifaces: {eth0: {subnet: lan, address: 10.0.0.1}}}", with: "a: »{os: centos7}")),
    MalformedCase("device outside /dev", "bad-value", validHead.replacingOccurrences(of: "devices: [/dev/sdb]", with: "devices: [»/mnt/sdb]")),
    MalformedCase("host key typo", "unknown-key", validHead.replacingOccurrences(of: ", devices: [/dev/sdb]", with: ", »device: [/dev/sdb]")),
    MalformedCase("reserved host name", "bad-value", validHead.replacingOccurrences(of: "  b: {", with: "  »workstation: {")),
    MalformedCase("host with no os anywhere", "missing-key", validHead.replacingOccurrences(of: "  a: {os: centos7, ", with: "  »a: {")),
    // kvdbs
    MalformedCase("kvdb engine", "bad-value", validHead + "kvdbs:\n  k: {engine: »consul, version: \"3.3\", run: host, members: [a]}\n"),
    MalformedCase("kvdb run mode", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: »vm, members: [a]}\n"),
    MalformedCase("kvdb unknown member", "unknown-reference", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [»c]}\n"),
    MalformedCase("kvdb port zero", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a], client_port: »0}\n"),
    MalformedCase("kvdb port too large", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a], peer_port: »70000}\n"),
    MalformedCase("kvdb key typo", "unknown-key", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a], »cient_port: 12379}\n"),
    MalformedCase("container kvdb without image", "missing-key", validHead + "kvdbs:\n  k: »{engine: etcd, version: \"3.3\", run: container, members: [a]}\n"),
    MalformedCase("kvdb image uppercase", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: container, members: [a], image: »Quay.io/Etcd}\n"),
    MalformedCase("kvdb version", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: »three, run: host, members: [a]}\n"),
    MalformedCase("external endpoint scheme", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, endpoints: [»\"ftp://x:4001\"]}\n"),
    MalformedCase("data_dir relative", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a], data_dir: »var/lib/etcd}\n"),
    // overlay
    MalformedCase("overlay unknown kvdb", "unknown-reference", validHead + "overlay: {type: flannel, version: \"0.7.1\", kvdb: »nokv, network: 10.1.0.0/16}\n"),
    MalformedCase("overlay IPv6 network", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a]}\noverlay: {type: flannel, version: \"0.7.1\", kvdb: k, network: »fd00::/64}\n"),
    MalformedCase("overlay yes as boolean", "type-mismatch", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a]}\noverlay: {type: flannel, version: \"0.7.1\", kvdb: k, network: 10.1.0.0/16, ip_masq: »yes}\n"),
    MalformedCase("overlay backend typo", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a]}\noverlay: {type: flannel, version: \"0.7.1\", kvdb: k, network: 10.1.0.0/16, backend: »vxlam}\n"),
    MalformedCase("overlay unknown host", "unknown-reference", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a]}\noverlay: {type: flannel, version: \"0.7.1\", kvdb: k, network: 10.1.0.0/16, hosts: [a, »x]}\n"),
    MalformedCase("overlay missing network", "missing-key", validHead + "kvdbs:\n  k: {engine: etcd, version: \"3.3\", run: host, members: [a]}\noverlay: »{type: flannel, version: \"0.7.1\", kvdb: k}\n"),
    // docker, portworx, ecs
    MalformedCase("userns without subordinate ids", "missing-key", validHead + "docker: »{userns_remap: default}\n"),
    MalformedCase("userns user with space", "bad-value", validHead + "docker: {userns_remap: »\"a b\", subordinate_ids: {start: 500000, count: 65536}}\n"),
    MalformedCase("portworx cluster id", "bad-value", validHead + "kvdbs:\n  k: {engine: etcd, endpoints: [\"http://10.9.9.9:2379\"]}\nportworx: {image: portworx/px-dev, cluster_id: »\"my cluster\", kvdb: k, storage: {all_devices: true}}\n"),
    MalformedCase("portworx storage as list", "type-mismatch", validHead + "kvdbs:\n  k: {engine: etcd, endpoints: [\"http://10.9.9.9:2379\"]}\nportworx: {image: portworx/px-dev, cluster_id: c, kvdb: k, storage: »[all]}\n"),
    MalformedCase("ecs region uppercase", "bad-value", validHead + "ecs: {cluster: c, region: »US-WEST-1}\n"),
    MalformedCase("ecs port mapping", "bad-value", validHead + "ecs: {cluster: c, region: us-west-1, services: {web: {image: nginx, ports: [»\"80:abc\"]}}}\n"),
    MalformedCase("ecs environment name", "bad-value", validHead + "ecs: {cluster: c, region: us-west-1, services: {web: {image: nginx, environment: {»\"A-B\": x}}}}\n"),
    MalformedCase("ecs volume mount", "bad-value", validHead + "ecs: {cluster: c, region: us-west-1, services: {web: {image: nginx, volumes: [»\"vol\"]}}}\n"),
    MalformedCase("ecs agent log level", "bad-value", validHead + "ecs: {cluster: c, region: us-west-1, agent: {log_level: »verbose}}\n"),
    // limits
    MalformedCase("nesting too deep", "input-limit", "version: 1\nx-deep: " + String(repeating: "[", count: 99) + "»" + String(repeating: "[", count: 50) + "\n"),
    MalformedCase("alias bomb", "input-limit", aliasBomb()),
    MalformedCase("scalar too long", "input-limit", "version: 1\nname: »" + String(repeating: "a", count: (1 << 20) + 1) + "\n"),
]

/// Nine levels of ten aliases each: 10^9 nodes if expanded. The marker sits on
/// the alias at which expansion first passes the limit of 1,000,000: levels b-e
/// add 110 + 1,110 + 11,110 + 111,110 = 133,440 nodes; each alias of e adds
/// 111,111, so the 8th alias in x-f reaches 1,022,328.
func aliasBomb() -> String {
    var s = "version: 1\nname: t\nx-a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for i in 1..<names.count {
        let refs = (0..<10).map { _ in "*\(names[i - 1])" }
        var line = "x-\(names[i]): &\(names[i]) [" + refs.joined(separator: ", ") + "]\n"
        if names[i] == "f" { line = line.replacingOccurrences(of: "*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]", with: "*e, *e, *e, *e, *e, *e, *e, »*e, *e, *e]") }
        s += line
    }
    return s
}

/// Finds the marker, removes it, and returns the text with its 1-based line and
/// column (in characters, as editors count).
func locateMarker(_ text: String) -> (text: String, line: Int, column: Int) {
    guard let range = text.range(of: "»") else { return (text, 0, 0) }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    let column = before[lineStart...].unicodeScalars.count + 1
    return (text.replacingCharacters(in: range, with: ""), line, column)
}

/// Runs the CLI in-process.
func runTopoc(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
    let console = RecordingConsole()
    console.variables = environment
    let status = Topoc.run(arguments, console: console)
    return (status, console.stdout, console.stderr)
}

@Suite struct MalformedInputTests {
    @Test(arguments: malformedCases)
    func reportsRuleAtPlace(_ c: MalformedCase) throws {
        let (text, line, column) = locateMarker(c.text)
        var bytes = Array(text.utf8)
        if c.name == "invalid UTF-8" {
            // Swift strings are always valid UTF-8: put the raw bad byte in place of U+FFFD.
            let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
            if let i = bytes.indices.first(where: { bytes[$0...].starts(with: replacement) }) {
                bytes.replaceSubrange(i..<i + 3, with: [0xC3, 0x28])
            }
        }
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try Data(bytes).write(to: file)
        let result = runTopoc(["lint", "--format", "json", file.path])
        #expect(result.status == 1, "\(c.name): exit \(result.status)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let matching = diagnostics.filter { $0["rule"] as? String == c.rule }
        #expect(!matching.isEmpty, "\(c.name): expected \(c.rule), got \(diagnostics.map { "\($0["rule"] ?? "") \($0["line"] ?? ""):\($0["column"] ?? "") \($0["message"] ?? "")" })")
        let places = matching.map { ($0["line"] as? Int ?? -1, $0["column"] as? Int ?? -1) }
        #expect(places.contains { $0 == (line, column) }, "\(c.name): \(c.rule) expected at \(line):\(column), found at \(places); \(matching.map { $0["message"] ?? "" })")
        #expect(diagnostics.allSatisfy { $0["severity"] as? String != nil && $0["file"] as? String == file.path })
    }

    @Test func atLeastFortyCases() {
        #expect(malformedCases.count >= 40)
    }

    @Test func threeIndependentMistakesAreAllReported() throws {
        let text = validHead
            .replacingOccurrences(of: "cidr: 10.0.0.0/24", with: "cidr: 10.0.0.5/24")
            .replacingOccurrences(of: "a: {os: centos7", with: "a: {os: windows")
            + "hostz: {}\n"
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("three.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = runTopoc(["lint", "--format", "json", file.path])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rules = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.filter { $0 == "bad-value" }.count == 2, "\(rules)")
        #expect(rules.contains("unknown-key"), "\(rules)")
    }
}
