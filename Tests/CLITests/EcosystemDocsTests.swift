import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// docs/rules.md is the rule reference generated from `topoc explain`
/// (scripts/gen-rules-doc): these tests fail when it falls behind a rule,
/// naming the rule and the command that regenerates it.
@Suite struct EcosystemDocsTests {
    static let regenerate = "run scripts/gen-rules-doc to regenerate docs/rules.md"

    static func rulesDoc() throws -> String {
        try String(contentsOf: Repository.url("docs/rules.md"), encoding: .utf8)
    }

    /// Each rule's section, in the order of `topoc explain`, holds exactly
    /// what `topoc explain RULE` prints; no section names a rule that is gone.
    @Test func everyRuleIsDocumentedAsExplainPrintsIt() throws {
        let doc = try Self.rulesDoc()
        let rules = Topoc.allRules.map { $0.name }
        let headings = doc.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(headings == rules, "\(Self.regenerate)")
        for rule in rules {
            let explained = runTopoc(["explain", rule])
            try #require(explained.status == 0)
            let section = "\n## \(rule)\n\n```text\n" + explained.stdout + "```\n"
            #expect(doc.contains(section), "docs/rules.md differs from `topoc explain \(rule)`: \(Self.regenerate)")
        }
        let index = runTopoc(["explain"]).stdout.split(separator: "\n")
        #expect(index.count == rules.count)
        for (line, rule) in zip(index, Topoc.allRules) {
            #expect(doc.contains("| [\(rule.name)](#\(rule.name)) | \(rule.severity.rawValue) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |"),
                    "index entry of \(rule.name) (\(line)): \(Self.regenerate)")
        }
    }

    /// The script reproduces the committed file byte for byte.
    @Test func theGeneratorReproducesTheCommittedFile() throws {
        let binary = topocBinary()
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build topoc first (scripts/test does)")
        let script = Repository.url("scripts/gen-rules-doc").path
        let r = try Subprocess.run(["/bin/bash", script, "--stdout"], environment: ["TOPOC": binary])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try Self.rulesDoc()), "\(Self.regenerate)")
    }

    /// The documents the README lists exist, and their relative links resolve.
    @Test func documentationLinksResolve() throws {
        let readme = try String(contentsOf: Repository.url("README.md"), encoding: .utf8)
        for doc in ["docs/user-guide.md", "docs/rules.md", "docs/editor-setup.md", "docs/spec-language.md"] {
            #expect(readme.contains("(\(doc))"), "README.md does not link \(doc)")
            #expect(FileManager.default.fileExists(atPath: Repository.url(doc).path), "\(doc) is missing")
        }
        let docs = Repository.url("docs")
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
            for link in Self.relativeLinks(text) {
                let target = docs.appendingPathComponent(link).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: target), "docs/\(name) links \(link), which does not exist")
            }
        }
    }

    /// `](target)` links to files (not URLs, not in-page anchors), without their `#fragment`.
    static func relativeLinks(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "](") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            let target = String(rest[..<close]).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            // A path: not a URL, an anchor, or text that only looks like a link (a regex in code).
            let isPath = !target.isEmpty && target.allSatisfy { $0.isLetter || $0.isNumber || "._/-".contains($0) }
            if isPath { out.append(target) }
            rest = rest[close...]
        }
        return out
    }
}
