import Diagnostics
import Foundation
import TestSupport
import Testing
import TopocCLI

/// Inputs libFuzzer found (scripts/fuzz frontEnd|pipeline), minimised, run
/// through the pipeline target's path: check, outputs, every renderer. Each
/// must end in a located diagnostic (or a clean output tree), not a crash.
@Suite struct FuzzRegressionTests {
    /// What the pipeline fuzz target does with one input, returned for asserting.
    struct Run {
        let checked: CheckedSpec
        let text: String
        let json: String
    }

    static func run(_ bytes: [UInt8]) -> Run {
        let checked = Pipeline.check(bytes)
        _ = Pipeline.outputs(checked)
        let reports = [FileReport(file: "fuzz.yaml", source: checked.source, diagnostics: checked.diagnostics)]
        _ = SARIFRenderer.render(reports, rules: Topoc.allRules, toolVersion: "test")
        return Run(checked: checked, text: TextRenderer(colour: false).render(reports), json: JSONRenderer.render(reports))
    }

    /// crash-0719fe66 (frontEnd), minimised: the ecs-demo spec with CR-only line
    /// ends and a misspelt key. The unknown-key diagnostic pointed past the end of
    /// SourceText's line index, so the report showed no source line.
    @Test func carriageReturnLineEndsAreQuotedInTheReport() throws {
        let spec = "version: 1\rname: t\rsubnets:\r  lan: {cidr: 10.0.0.0/24}\rhosts:\r"
            + "  a: {os: centos7, ifaces: {eth0: {subnet: lan, address: 10.0.0.1}}}\rzero_storae: true\r"
        let r = FuzzRegressionTests.run(Array(spec.utf8))
        let d = try #require(r.checked.diagnostics.first)
        #expect(d.rule == "unknown-key" && d.location.line == 7 && d.location.column == 1)
        #expect(r.text.contains("fuzz.yaml:7:1: error:"))
        #expect(r.text.contains("    7 | zero_storae: true\n"))
        #expect(r.checked.topology == nil && Pipeline.outputs(r.checked) == nil)
    }

    /// The same spec with LF line ends checks cleanly and yields an output tree:
    /// the CR form differs only in how its lines end.
    @Test func theSameSpecWithLineFeedsCompiles() throws {
        let spec = "version: 1\nname: t\nsubnets:\n  lan: {cidr: 10.0.0.0/24}\nhosts:\n"
            + "  a: {os: centos7, ifaces: {eth0: {subnet: lan, address: 10.0.0.1}}}\n"
        let r = FuzzRegressionTests.run(Array(spec.utf8))
        #expect(r.checked.errorCount == 0)
        #expect(Pipeline.outputs(r.checked) != nil)
    }

    /// The fuzzing seeds (fuzz/seeds) and example specs, through the same path:
    /// every diagnostic on a line the file has, an output tree exactly when
    /// there is no error. The seeds that must compile do.
    static let seeds: [String] = ["fuzz/seeds", "Specs"].flatMap { dir in
        ((try? FileManager.default.contentsOfDirectory(atPath: Repository.url(dir).path)) ?? [])
            .sorted().map { "\(dir)/\($0)" }
    }

    @Test func seedsArePresent() {
        #expect(FuzzRegressionTests.seeds.count >= 12)
    }

    @Test(arguments: seeds) func seedRunsCleanly(_ path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Repository.url(path).path))
        let r = FuzzRegressionTests.run([UInt8](data))
        for d in r.checked.diagnostics {
            #expect(d.location.line >= 1 && d.location.line <= r.checked.source.lineCount, "\(d.location) [\(d.rule)]")
        }
        #expect((Pipeline.outputs(r.checked) == nil) == (r.checked.errorCount > 0))
        let mustCompile = ["fuzz/seeds/every-section.yaml", "fuzz/seeds/anchors-merge.yaml", "Specs/ecs-demo.yaml", "Specs/flannel-userns.yaml"]
        if mustCompile.contains(path) {
            #expect(r.checked.errorCount == 0, "\(r.checked.diagnostics.filter { $0.severity == .error }.map(\.message))")
        } else {
            #expect(r.checked.errorCount > 0)
        }
    }
}
