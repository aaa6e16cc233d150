import Foundation
import TestSupport
import Testing

/// graph.dot of every spec (Specs/ and Tests/Specs/) is accepted and rendered
/// by Graphviz without a warning, with one cluster per host.
@Suite struct GraphvizTests {
    @Test(arguments: Specs.all)
    func everyGraphRenders(_ spec: CompiledSpec) throws {
        guard Tool.require("dot") else { return }
        let dot = try #require(spec.text("graph.dot"))
        let result = try Subprocess.run(["dot", "-Tsvg"], stdin: dot)
        #expect(result.status == 0, "\(spec.file): dot failed: \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(spec.file): dot warned: \(result.stderr)")
        #expect(result.stdout.contains("<svg"))
        for host in spec.hosts {
            #expect(result.stdout.contains("<title>cluster_"), "\(spec.file)")
            #expect(dot.contains("\"\(host)/"), "\(spec.file): no node of \(host)")
        }
    }
}
