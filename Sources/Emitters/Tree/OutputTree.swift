import Model
import Planner

/// The whole output tree of one spec (SPEC §3), as files relative to
/// `<out>/<name>/`: every host's setup.sh and installed files, the workstation
/// script, the ECS files, plan.json, graph.dot and MANIFEST.
public enum OutputTree {
    public static func build(_ topology: Topology, plan: Plan) -> [OutputFile] {
        // Host roles are computed once for every file of every host.
        let context = FileRenderContext(topology)
        let hosts = plan.hosts.filter { $0 != Plan.workstation }
        let whole: [() -> OutputFile?] = [
            { OutputFile(path: "plan.json", content: PlanJSON.render(plan)) },
            { OutputFile(path: "graph.dot", content: GraphDOT.render(plan)) },
            { OutputFile(path: "ansible/inventory.yml", content: AnsibleInventory.render(topology, plan: plan)) },
            { OutputFile(path: "ansible/site.yml", content: AnsiblePlaybook.render(plan)) },
            { WorkstationScript.render(plan, topology: topology).map { OutputFile(path: "workstation/setup.sh", content: $0, executable: true) } },
            { ECSFiles.compose(topology).map { OutputFile(path: "ecs/docker-compose.yml", content: $0) } },
            { ECSFiles.ecsParams(topology).map { OutputFile(path: "ecs/ecs-params.yml", content: $0) } },
            { ECSFiles.taskDefinition(topology).map { OutputFile(path: "ecs/task-definition.json", content: $0) } },
        ]
        // Every job on every core: the whole-plan files first (each a long job
        // for one core), then the hosts in runs of 16, independent of each
        // other; results come back in job order.
        var jobs: [() -> [OutputFile]] = whole.map { job in { job().map { [$0] } ?? [] } }
        for start in stride(from: 0, to: hosts.count, by: 16) {
            let run = hosts[start..<min(start + 16, hosts.count)]
            jobs.append { run.flatMap { hostFiles($0, plan: plan, context: context) } }
        }
        var files = Parallel.map(jobs, chunk: 1) { $0() }.flatMap { $0 }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        files.append(Manifest.render(files))
        return files
    }

    /// One host's installed files and its setup.sh. Each installed file is
    /// rendered once: for files/ and for setup.sh's heredoc.
    private static func hostFiles(_ host: String, plan: Plan, context: FileRenderContext) -> [OutputFile] {
        var files: [OutputFile] = []
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
        return files
    }
}
