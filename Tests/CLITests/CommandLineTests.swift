import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// A seed spec's path (Specs/NAME).
func specPath(_ name: String) -> String { Repository.url("Specs/\(name)").path }

@Suite struct CommandLineTests {
    @Test func versionAndHelp() {
        let v = runTopoc(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.hasPrefix("topoc "))
        let h = runTopoc(["--help"])
        #expect(h.status == 0 && h.stdout.contains("topoc compile SPEC..."))
        let hc = runTopoc(["help", "lint"])
        #expect(hc.status == 0 && hc.stdout.contains("usage: topoc lint"))
        let lh = runTopoc(["lint", "--help"])
        #expect(lh.status == 0 && lh.stdout.contains("--ignore RULE"))
    }

    @Test func usageErrorsExitTwo() {
        let noArgs = runTopoc([])
        #expect(noArgs.status == 2)
        let unknown = runTopoc(["lnt"])
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean 'lint'?") && unknown.stderr.contains("usage:"))
        let badOption = runTopoc(["lint", "--bogus", specPath("flannel-userns.yaml")])
        #expect(badOption.status == 2 && badOption.stderr.contains("unknown option '--bogus'") && badOption.stderr.contains("usage: topoc lint"))
        let missingValue = runTopoc(["lint", specPath("flannel-userns.yaml"), "--format"])
        #expect(missingValue.status == 2)
        let badFormat = runTopoc(["lint", "--format", "xml", specPath("flannel-userns.yaml")])
        #expect(badFormat.status == 2)
        let noSpec = runTopoc(["lint"])
        #expect(noSpec.status == 2)
        let unknownRule = runTopoc(["lint", "--ignore", "port-confict", specPath("flannel-userns.yaml")])
        #expect(unknownRule.status == 2 && unknownRule.stderr.contains("port-conflict"))
    }

    @Test func unreadableFilesExitTwo() {
        let missing = runTopoc(["lint", "/nonexistent/spec.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("no such file"))
        let directory = runTopoc(["lint", NSTemporaryDirectory()])
        #expect(directory.status == 2 && directory.stderr.contains("directory"))
    }

    @Test func seedSpecsLintWithoutErrors() throws {
        for spec in ["flannel-userns.yaml", "ecs-demo.yaml"] {
            let r = runTopoc(["lint", "--format", "json", specPath(spec)])
            #expect(r.status == 0, "\(spec): \(r.stdout)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let summary = try #require(json["summary"] as? [String: Int])
            #expect(summary["errors"] == 0)
        }
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try "version: 2\n".write(to: file, atomically: true, encoding: .utf8)
        let plain = RecordingConsole()
        _ = Topoc.run(["lint", file.path], console: plain)
        #expect(!plain.stdout.contains("\u{1B}["))
        let tty = RecordingConsole()
        tty.isTerminal = true
        _ = Topoc.run(["lint", file.path], console: tty)
        #expect(tty.stdout.contains("\u{1B}[1;31merror"))
        let noColor = RecordingConsole()
        noColor.isTerminal = true
        noColor.variables["NO_COLOR"] = "1"
        _ = Topoc.run(["lint", file.path], console: noColor)
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func textDiagnosticHasCaretUnderTheValue() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try "version: 1\nname: t\nsubnets:\n  lan: {cidr: 10.0.6.1/24}\nhosts: {}\n".write(to: file, atomically: true, encoding: .utf8)
        let r = runTopoc(["lint", file.path])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines.firstIndex { $0.contains("[bad-value]") })
        #expect(lines[i].hasPrefix("\(file.path):4:15: error: "))
        #expect(lines[i + 1] == "    4 |   lan: {cidr: 10.0.6.1/24}")
        #expect(lines[i + 2] == "      |               ^~~~~~~~~~~")
    }

    @Test func explainCoversEveryRule() {
        let list = runTopoc(["explain"])
        #expect(list.status == 0)
        for rule in Topoc.allRules {
            #expect(list.stdout.contains(rule.name))
            let one = runTopoc(["explain", rule.name])
            #expect(one.status == 0 && one.stdout.hasPrefix("\(rule.name) (\(rule.severity.rawValue)):"))
            #expect(rule.explanation.contains("Why") && rule.explanation.contains("Fix"), "\(rule.name) explanation lacks why/fix")
        }
        let unknown = runTopoc(["explain", "duplicate-kye"])
        #expect(unknown.status == 2 && unknown.stderr.contains("duplicate-key"))
    }
}
