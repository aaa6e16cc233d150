import Model

/// What an operator runs from their own machine: ecs-cli and the AWS CLI.
/// Credentials are never passed: both tools read AWS_ACCESS_KEY_ID /
/// AWS_SECRET_ACCESS_KEY or AWS_PROFILE from the environment themselves, and
/// `ecs-cli configure profile` would write keys to disk and show them in `ps`.
enum WorkstationSteps {
    static let composeFile = "../ecs/docker-compose.yml"
    static let ecsParamsFile = "../ecs/ecs-params.yml"
    static let taskDefinitionFile = "../ecs/task-definition.json"
    /// The step run instead of compose-up with the script option `--register-task-definition`.
    static let alternativeStep = Plan.registerTaskDefinitionStep

    static func add(to b: inout PlanBuilder) {
        guard let ecs = b.topology.ecs else { return }
        let cluster = ecs.cluster.value, region = ecs.region.value
        let agentHosts = b.ranks(of: ecs.hosts)

        let ws = b.workstationRank
        let configure = b.add(b.ref(ws, b.name("ecs-cli-configure")), label: "configure ecs-cli", component: "ecs", at: ecs.cluster.location, [
            .run(description: "point ecs-cli at cluster \(cluster) in \(region)",
                 command: ["ecs-cli", "configure", "--cluster", cluster, "--region", region,
                           "--default-launch-type", "EC2", "--config-name", cluster], environment: []),
        ])
        // The JMESPath filter prints the cluster's name only once enough
        // instances are registered, and nothing before (hence waitForOutput).
        let query = "join(',', clusters[?registeredContainerInstancesCount >= to_number('\(agentHosts.count)')].clusterName)"
        let registered = b.add(b.ref(ws, b.name("agents-registered")), label: "all ECS agents registered", component: "ecs", at: ecs.hosts.location, [
            .waitForOutput(description: "\(agentHosts.count) container instances are registered in ECS cluster \(cluster)",
                           command: ["aws", "ecs", "describe-clusters", "--region", region, "--clusters", cluster,
                                     "--query", query, "--output", "text"], environment: []),
        ])
        let agent = b.name(ECSSteps.agentStep)
        let hostNames = b.hostNames
        for h in agentHosts {
            b.depend(registered, on: b.ref(h, agent), "the ECS agent on \(hostNames[Int(h)]) registers with cluster \(cluster)", at: ecs.hosts.location)
        }
        let project = b.topology.name.value
        let up = b.add(b.ref(ws, b.name(Plan.composeUpStep)), label: "ecs-cli compose up", component: "ecs", at: ecs.location, [
            .run(description: "start the services of project \(project) on cluster \(cluster)",
                 command: ["ecs-cli", "compose", "--file", composeFile, "--ecs-params", ecsParamsFile, "--project-name", project,
                           "--cluster-config", cluster, "up"], environment: []),
        ])
        let register = b.add(b.ref(ws, b.name(alternativeStep)), label: "register task definition", component: "ecs", at: ecs.location, [
            .run(description: "register the task definition with aws ecs (instead of ecs-cli)",
                 command: ["aws", "ecs", "register-task-definition", "--region", region,
                           "--cli-input-json", "file://" + taskDefinitionFile], environment: []),
        ])
        b.depend(up, on: configure, "ecs-cli compose uses the cluster configuration \(cluster)", at: ecs.cluster.location)
        for target in [up, register] {
            b.depend(target, on: registered, "tasks are placed only on registered container instances", at: ecs.hosts.location)
            for volume in ecs.volumes {
                guard let first = agentHosts.first else { break }
                b.depend(target, on: b.ref(first, b.name(ECSSteps.volumeStep(volume.name.value))),
                         "the task mounts volume \(volume.name.value)", at: volume.name.location)
            }
        }
    }
}
