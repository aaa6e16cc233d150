import Diagnostics
import Foundation
import Model
import Syntax
import TopocCLI

/// The code paths a fuzzer drives. Each one takes arbitrary bytes and must
/// return normally: a crash, a hang or runaway memory is the bug being hunted.
/// A broken invariant (below) is turned into a crash on purpose, so libFuzzer
/// records the input that broke it.
enum FuzzTarget: String, CaseIterable {
    /// YAML parser, topology decoder and the three diagnostic renderers.
    case frontEnd
    /// Everything `topoc compile` does short of writing files: parse, decode,
    /// lint, plan, and every emitter.
    case pipeline

    func run(_ bytes: [UInt8]) {
        switch self {
        case .frontEnd: FuzzTarget.frontEnd(bytes)
        case .pipeline: FuzzTarget.pipeline(bytes)
        }
    }

    /// The target named by TOPOC_FUZZ_TARGET, read once (libFuzzer calls the
    /// entry point millions of times; the environment never changes meanwhile).
    static let fromEnvironment: FuzzTarget? = {
        guard let name = getenv("TOPOC_FUZZ_TARGET").map({ String(cString: $0) }) else { return nil }
        return FuzzTarget(rawValue: name)
    }()

    private static func frontEnd(_ bytes: [UInt8]) {
        let source = SourceText(bytes: bytes)
        let parsed = YAMLParser.parse(source)
        var diagnostics = parsed.diagnostics
        if !parsed.hasFatalError {
            let decoded = TopologyDecoder.decode(parsed.root)
            diagnostics += decoded.diagnostics
            // The decoder's contract: a topology only when it reported nothing.
            Invariant.require(decoded.topology == nil || decoded.diagnostics.isEmpty,
                              "decoder returned a topology together with diagnostics")
            if let topology = decoded.topology {
                // Resolving roles walks every cross-reference the decoder accepted.
                _ = HostRoles(topology)
            }
        }
        render(diagnostics, source)
    }

    private static func pipeline(_ bytes: [UInt8]) {
        let checked = Pipeline.check(bytes)
        let outputs = Pipeline.outputs(checked)
        // A spec with an error must produce no output tree; one without errors must.
        Invariant.require((outputs == nil) == (checked.errorCount > 0),
                          "outputs exist exactly when there is no error")
        if let outputs {
            var paths = Set<String>()
            for file in outputs {
                Invariant.require(paths.insert(file.path).inserted, "two output files share the path \(file.path)")
                Invariant.require(!file.path.isEmpty && !file.path.hasPrefix("/") && !file.path.split(separator: "/").contains(".."),
                                  "output path escapes the output directory: \(file.path)")
            }
        }
        render(checked.diagnostics, checked.source)
    }

    /// Every renderer runs over every diagnostic: they quote spec text, index
    /// source lines by the diagnostic's location, and escape control bytes.
    private static func render(_ diagnostics: [Diagnostic], _ source: SourceText) {
        for d in diagnostics {
            Invariant.require(d.location.line >= 1 && d.location.line <= source.lineCount + 1 && d.location.column >= 1,
                              "diagnostic location \(d.location) outside a \(source.lineCount)-line file [\(d.rule)]")
        }
        let reports = [FileReport(file: "fuzz.yaml", source: source, diagnostics: diagnostics)]
        _ = TextRenderer(colour: true).render(reports)
        _ = TextRenderer(colour: false).render(reports)
        _ = JSONRenderer.render(reports)
        // Only the rules that fired: the full table is the same for every input
        // and would cost more than the rest of a run, while the per-result
        // ruleIndex lookup is still exercised.
        let fired = Set(diagnostics.map(\.rule))
        _ = SARIFRenderer.render(reports, rules: Topoc.allRules.filter { fired.contains($0.name) }, toolVersion: "fuzz")
    }
}
