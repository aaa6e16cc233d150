import Foundation
import Testing
import TopocCLI

/// graph.dot of every spec in Specs/ is accepted and rendered by Graphviz.
@Suite struct GraphvizTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyGraphRenders() throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Specs").path).filter { $0.hasSuffix(".yaml") }
        #expect(!specs.isEmpty)
        for name in specs {
            let bytes = [UInt8](try Data(contentsOf: Self.root.appendingPathComponent("Specs/\(name)")))
            let checked = Pipeline.check(bytes)
            let files = try #require(Pipeline.outputs(checked), "\(name) does not compile")
            let dot = try #require(files.first { $0.path == "graph.dot" })
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["dot", "-Tsvg"]
            let input = Pipe(), output = Pipe(), errors = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            input.fileHandleForWriting.write(Data(dot.bytes))
            try input.fileHandleForWriting.close()
            let svg = output.fileHandleForReading.readDataToEndOfFile()
            let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name): dot failed: \(warnings)")
            #expect(warnings.isEmpty, "\(name): dot warned: \(warnings)")
            #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        }
    }
}
