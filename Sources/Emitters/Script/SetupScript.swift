import Model
import Planner

/// `hosts/<host>/setup.sh`: everything one host needs, self-contained, in
/// plan order. See ScriptLibrary for how each action checks before it acts.
public enum SetupScript {
    public static func render(_ plan: Plan, host: String, topology: Topology) -> String {
        render(plan, host: host, context: FileRenderContext(topology))
    }

    /// With a context shared by every host, so a fleet's scripts cost linear
    /// time, and optionally the host's file contents already rendered.
    public static func render(_ plan: Plan, host: String, context: FileRenderContext, renderedFiles: [FileRef: String] = [:]) -> String {
        let topology = context.topology
        let h = topology.host(named: host)
        let address = h.map { " (\($0.address))" } ?? ""
        let count = plan.steps(on: host).count
        var assembler = ScriptAssembler(
            plan: plan, context: context, host: host,
            scriptPath: "hosts/\(host)/setup.sh",
            summary: "sets up host \(host)\(address): \(count) steps of plan \(plan.name), in dependency order.",
            os: h?.os.value
        )
        assembler.renderedFiles = renderedFiles
        return assembler.render()
    }
}
