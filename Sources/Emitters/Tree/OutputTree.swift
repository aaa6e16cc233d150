import Model
import Planner

/// The whole output tree of one spec (SPEC §3), as files relative to
/// `<out>/<name>/`: every host's setup.sh and installed files, the workstation
/// script, the ECS files, plan.json, graph.dot and MANIFEST.
public enum OutputTree {
    public static func build(_ topology: Topology, plan: Plan) -> [OutputFile] {
        var files: [OutputFile] = [
            OutputFile(path: "plan.json", content: PlanJSON.render(plan)),
            OutputFile(path: "graph.dot", content: GraphDOT.render(plan)),
            OutputFile(path: "ansible/inventory.yml", content: AnsibleInventory.render(topology, plan: plan)),
            OutputFile(path: "ansible/site.yml", content: AnsiblePlaybook.render(plan)),
        ]
        // Host roles are computed once for every file of every host, and each
        // installed file is rendered once: for files/ and for setup.sh's heredoc.
        let context = FileRenderContext(topology)
        for host in plan.hosts where host != Plan.workstation {
            var rendered: [FileRef: String] = [:]
            var seen = Set<String>()
            for step in plan.steps(on: host) {
                for action in step.actions {
                    guard case .installFile(let ref, let path, let mode) = action else { continue }
                    let content = rendered[ref] ?? FileRenderer.content(of: ref, context: context)
                    rendered[ref] = content
                    // A file is listed once even if two steps install it.
                    guard seen.insert(path).inserted else { continue }
                    let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
                    files.append(OutputFile(path: "hosts/\(host)/files/\(relative)", content: content, executable: mode.hasSuffix("755")))
                }
            }
            files.append(OutputFile(path: "hosts/\(host)/setup.sh", content: SetupScript.render(plan, host: host, context: context, renderedFiles: rendered), executable: true))
        }
        if let script = WorkstationScript.render(plan, topology: topology) {
            files.append(OutputFile(path: "workstation/setup.sh", content: script, executable: true))
        }
        if let compose = ECSFiles.compose(topology) { files.append(OutputFile(path: "ecs/docker-compose.yml", content: compose)) }
        if let params = ECSFiles.ecsParams(topology) { files.append(OutputFile(path: "ecs/ecs-params.yml", content: params)) }
        if let task = ECSFiles.taskDefinition(topology) { files.append(OutputFile(path: "ecs/task-definition.json", content: task)) }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        files.append(Manifest.render(files))
        return files
    }
}
