import Emitters
import Foundation
import Planner
import Values

/// `topoc compile`: lint every spec; if none has an error (or, with --strict, a
/// warning), write each one's tree atomically, or with --check compare it.
enum CompileCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let format = context.arguments.value("format") ?? "text"
        guard ["text", "json"].contains(format) else { return context.usageError("--format must be text or json, not '\(format)'") }
        guard let ignoring = context.ignoredRules() else { return 2 }
        let directory = context.arguments.value("output") ?? "Outputs"
        guard !directory.isEmpty else { return context.usageError("-o needs a directory") }
        guard let specs = context.loadSpecs(ignoring: ignoring) else { return 2 }
        let strict = context.arguments.has("strict")
        var trees: [(name: String, files: [OutputFile])] = []
        for spec in specs {
            if let topology = spec.checked.topology, let files = Pipeline.outputs(spec.checked) {
                trees.append((topology.name.value, files))
            }
        }
        KeepAlive.retain(trees)
        context.renderDiagnostics(specs, format: format)
        let failed = specs.contains { $0.errorCount > 0 || (strict && $0.warningCount > 0) }
        if failed {
            context.console.err("topoc: nothing written: fix the errors above\(strict ? " (--strict: warnings count)" : "")\n")
            return 1
        }
        var names = Set<String>()
        for tree in trees where !names.insert(tree.name).inserted {
            context.console.err("topoc: two specs are both named '\(tree.name)'; each needs its own output directory\n")
            return 1
        }
        if context.arguments.has("check") {
            var drift = false
            for tree in trees {
                let differences = TreeWriter(directory: directory, name: tree.name).differences(tree.files)
                for d in differences { context.console.out("\(directory)/\(tree.name): \(d)\n") }
                drift = drift || !differences.isEmpty
            }
            if drift { context.console.err("topoc: the output tree differs from what the specs compile to; run topoc compile\n") }
            return drift ? 1 : 0
        }
        for tree in trees {
            do {
                try TreeWriter(directory: directory, name: tree.name).write(tree.files)
            } catch let f as TreeWriter.Failure {
                context.console.err("topoc: \(f.message)\n")
                return 2
            } catch {
                return 2
            }
        }
        return 0
    }
}
