import Model
import Planner

/// `hosts/<host>/setup.sh`: everything one host needs, self-contained, in
/// plan order. See ScriptLibrary for how each action checks before it acts.
public enum SetupScript {
    public static func render(_ plan: Plan, host: String, topology: Topology) -> String {
        let h = topology.host(named: host)
        let address = h.map { " (\($0.address))" } ?? ""
        let count = plan.steps(on: host).count
        return ScriptAssembler(
            plan: plan, topology: topology, host: host,
            scriptPath: "hosts/\(host)/setup.sh",
            summary: "sets up host \(host)\(address): \(count) steps of plan \(plan.name), in dependency order.",
            os: h?.os.value
        ).render()
    }
}
