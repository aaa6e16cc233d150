import Foundation
import TestSupport
import Testing
@testable import Emitters
import Values

/// Strings chosen to break naive quoting in every format topoc writes.
let hostileStrings: [String] = [
    "",
    "plain",
    "two words",
    "it's",
    "say \"hi\"",
    "$(rm -rf /)",
    "`id`",
    "${HOME} and $HOME and $$",
    "100% %n %% %",
    "a;b; ;",
    ";",
    "back\\slash\\",
    "line1\nline2\n",
    "tab\there\r\n",
    "e\u{301}\u{302} combining, 雪, 🚀",
    "-leading-dash",
    "#not a comment",
    "yes",
    "~",
    "  padded  ",
    "\u{7f}\u{1b}[31mred\u{85}\u{2028}\u{feff}",
    "*?[glob]{a,b}",
    "a=b c=d",
    "'\"'\"",
]

/// Exact bytes: Swift's `==` on String ignores differences between canonically
/// equivalent forms (e + U+0301 equals é), which a round trip must not hide.
func sameBytes(_ a: String, _ b: String) -> Bool { Array(a.utf8) == Array(b.utf8) }

@Suite struct ShellQuotingTests {
    @Test func bareWordsStayBare() {
        #expect(ShellQuoting.quote("/var/lib/etcd") == "/var/lib/etcd")
        #expect(ShellQuoting.quote("--net=host") == "--net=host")
        #expect(ShellQuoting.quote("") == "''")
        #expect(ShellQuoting.quote("it's") == "'it'\\''s'")
        // `$` and backticks go in double quotes, escaped, so shellcheck (SC2016)
        // stays quiet; bash still gives back the bytes (bashGivesBackTheBytes).
        #expect(ShellQuoting.quote("$x") == "\"\\$x\"")
        #expect(ShellQuoting.quote("a`b\"c\\") == "\"a\\`b\\\"c\\\\\"")
    }

    @Test(arguments: hostileStrings)
    func bashGivesBackTheBytes(_ s: String) throws {
        let result = try Subprocess.run(["bash", "-c", "printf %s " + ShellQuoting.quote(s)])
        #expect(result.status == 0)
        #expect(result.stdoutData == Data(s.utf8), "quoted as \(ShellQuoting.quote(s))")
    }

    @Test func manyWordsStayApart() throws {
        let script = "printf '%s\\0' " + hostileStrings.map(ShellQuoting.quote).joined(separator: " ")
        let result = try Subprocess.run(["bash", "-c", script])
        let words = result.stdoutData.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        #expect(words.count == hostileStrings.count)
        for (w, s) in zip(words, hostileStrings) { #expect(sameBytes(w, s)) }
    }
}

@Suite struct YAMLQuotingTests {
    /// Loads a YAML list with PyYAML (what docker-compose uses) and returns it as JSON.
    func pyyamlLoad(_ yaml: String) throws -> [String]? {
        guard (try? Subprocess.run(["python3", "-c", "import yaml"]).status) == 0 else {
            print("skipped: PyYAML is not installed (python3 -c 'import yaml' fails)")
            return nil
        }
        let program = "import sys, yaml, json; sys.stdout.write(json.dumps(yaml.safe_load(sys.stdin.buffer.read().decode('utf-8'))))"
        let result = try Subprocess.run(["python3", "-c", program], stdin: Data(yaml.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: result.stdoutData, options: [.fragmentsAllowed]) as? [String]
    }

    @Test func quotedScalarsRoundTripThroughPyYAML() throws {
        let yaml = hostileStrings.map { "- " + YAMLQuoting.quote($0) + "\n" }.joined()
        guard let loaded = try pyyamlLoad(yaml) else { return }
        #expect(loaded.count == hostileStrings.count)
        for (l, s) in zip(loaded, hostileStrings) { #expect(sameBytes(l, s), "\(YAMLQuoting.quote(s))") }
    }

    @Test func plainScalarsAreStringsOrQuoted() throws {
        let words = ["redis", "portworx/px-dev", "web-1", "yes", "no", "on", "off", "y", "n", "true", "null", "1e3", "0x1f", "012",
                     "3.10", "1:20", ".inf", "~", "-a", "a:b", "Yes", "demovol", "v1.2_3"] + hostileStrings
        let yaml = words.map { "- " + YAMLQuoting.scalar($0) + "\n" }.joined()
        guard let loaded = try pyyamlLoad(yaml) else { return }
        #expect(loaded.count == words.count)
        for (l, s) in zip(loaded, words) { #expect(sameBytes(l, s), "\(YAMLQuoting.scalar(s))") }
        #expect(YAMLQuoting.scalar("redis") == "redis")
        #expect(YAMLQuoting.scalar("no") == "\"no\"")
    }
}

@Suite struct JSONQuotingTests {
    @Test func orderedJSONParsesWithPython() throws {
        let doc = OrderedJSON.object(hostileStrings.enumerated().map { ("k\($0.offset)", .array([.string($0.element), .int($0.offset), .bool(true)])) }
                                     + [("empty", .array([])), ("none", .object([]))])
        let text = doc.document()
        #expect(text.hasSuffix("}\n"))
        let check = try Subprocess.run(["python3", "-m", "json.tool"], stdin: Data(text.utf8))
        #expect(check.status == 0, "\(check.stderr)")
        let program = "import sys, json; d = json.load(sys.stdin); sys.stdout.write(json.dumps([d['k%d' % i][0] for i in range(\(hostileStrings.count))]))"
        let result = try Subprocess.run(["python3", "-c", program], stdin: Data(text.utf8))
        let loaded = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String] ?? []
        #expect(loaded.count == hostileStrings.count)
        for (l, s) in zip(loaded, hostileStrings) { #expect(sameBytes(l, s)) }
        // Keys keep the order they were given in.
        #expect(text.range(of: "\"k0\"")!.lowerBound < text.range(of: "\"k1\"")!.lowerBound)
        #expect(text.range(of: "\"k1\"")!.lowerBound < text.range(of: "\"empty\"")!.lowerBound)
    }
}

@Suite struct SystemdQuotingTests {
    @Test func specifiersAndDollars() {
        #expect(SystemdQuoting.argument("/var/lib/etcd") == "/var/lib/etcd")
        #expect(SystemdQuoting.argument("50%") == "\"50%%\"")
        #expect(SystemdQuoting.argument("$HOME") == "\"$$HOME\"")
        #expect(SystemdQuoting.argument("${X}%n") == "\"$${X}%%n\"")
        #expect(SystemdQuoting.argument("") == "\"\"")
        #expect(SystemdQuoting.argument(";") == "\";\"")
        #expect(SystemdQuoting.argument("a b") == "\"a b\"")
        #expect(SystemdQuoting.argument("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"")
        #expect(SystemdQuoting.argument("l1\nl2\t\u{1}") == "\"l1\\nl2\\t\\x01\"")
        // Environment= values are never variable-expanded: `$` stays single.
        #expect(SystemdQuoting.environmentValue("$HOME 100%") == "\"$HOME 100%%\"")
        #expect(SystemdQuoting.environmentValue("plain") == "plain")
        // EnvironmentFile= resolves no specifiers: `%` stays single, `$` is escaped.
        #expect(SystemdQuoting.environmentFileValue("$HOME 100% \"q\" `x` \\") == "\"\\$HOME 100% \\\"q\\\" \\`x\\` \\\\\"")
    }

    @Test func noQuotedWordEndsALineWithABackslash() {
        for s in hostileStrings {
            #expect(!SystemdQuoting.argument(s).hasSuffix("\\"))
            #expect(!SystemdQuoting.environmentValue(s).hasSuffix("\\"))
            #expect(!SystemdQuoting.argument(s).contains("\n"))
            #expect(!SystemdQuoting.environmentValue(s).contains("\n"))
        }
    }

    /// EnvironmentFile= double quotes follow the shell's rules (backslash escapes
    /// only " \ ` $), so bash reading the assignment must give back the value.
    @Test(arguments: hostileStrings)
    func environmentFileValuesReadBackInBash(_ s: String) throws {
        let script = "X=" + SystemdQuoting.environmentFileValue(s) + "\nprintf %s \"$X\""
        let result = try Subprocess.run(["bash", "-c", script])
        #expect(result.stdoutData == Data(s.utf8), "as \(SystemdQuoting.environmentFileValue(s))")
    }

    @Test func hostileUnitPassesSystemdAnalyzeVerify() throws {
        guard Subprocess.exists("systemd-analyze") else { Issue.record("systemd-analyze is not installed"); return }
        var unit = UnitFile()
        unit.section("Unit")
        unit.set("Description", SystemdQuoting.text("hostile % values \\"))
        unit.section("Service")
        for (i, s) in hostileStrings.enumerated() { unit.set("Environment", "HOSTILE\(i)=" + SystemdQuoting.environmentValue(s)) }
        unit.set("ExecStart", UnitFile.command("/usr/bin/docker", hostileStrings))
        let root = try Scratch.directory("emitters")
        defer { Scratch.remove(root) }
        try Scratch.write("#!/bin/sh\n", to: root.appendingPathComponent("usr/bin/docker"), executable: true)
        try Scratch.write(unit.render(spec: "hostile"), to: root.appendingPathComponent("etc/systemd/system/hostile.service"))
        let result = try Subprocess.run(["systemd-analyze", "verify", "--man=no", "--recursive-errors=no", "--root=\(root.path)",
                                                         "/etc/systemd/system/hostile.service"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }

    /// The check above must be able to fail: an unescaped `%z` is a bad specifier.
    @Test func verifyRejectsAnUnescapedSpecifier() throws {
        guard Subprocess.exists("systemd-analyze") else { return }
        let root = try Scratch.directory("emitters")
        defer { Scratch.remove(root) }
        try Scratch.write("#!/bin/sh\n", to: root.appendingPathComponent("usr/bin/docker"), executable: true)
        try Scratch.write("[Service]\nExecStart=/usr/bin/docker \"100%z\"\n", to: root.appendingPathComponent("etc/systemd/system/bad.service"))
        let result = try Subprocess.run(["systemd-analyze", "verify", "--man=no", "--recursive-errors=no", "--root=\(root.path)",
                                                         "/etc/systemd/system/bad.service"])
        #expect(result.status != 0)
    }
}

@Suite struct GeneratedHeaderTests {
    @Test func headerNamesTopocAndTheSpec() {
        #expect(GeneratedHeader.lines(spec: "px-ecs-demo", comment: "#")
                == "# Generated by topoc \(TopocVersion.string) from spec 'px-ecs-demo'. Do not edit: change the spec and recompile.\n")
        #expect(GeneratedHeader.lines(spec: "a\nb", comment: "//").split(separator: "\n").count == 1)
    }
}
