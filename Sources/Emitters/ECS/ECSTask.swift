import Model

/// What the three ECS files share: the services in spec order, their memory
/// (with the default), their command as an argv, and the volumes they use.
struct ECSTask {
    let ecs: ECS
    let deployment: String

    init?(_ topology: Topology) {
        guard let ecs = topology.ecs, !ecs.services.isEmpty else { return nil }
        self.ecs = ecs
        self.deployment = topology.name.value
    }

    /// ECS needs a memory limit for every container of a task without a
    /// task-level one; 512 MiB is what ecs-cli itself fills in when compose gives
    /// none, so compose, ecs-params and task-definition.json all say the same.
    static let defaultMemoryMiB = 512

    static func memory(_ service: ECSService) -> Int { service.memory?.value ?? defaultMemoryMiB }

    /// A list command is the argv; a string command is run by `/bin/sh -c`,
    /// so it means the same in compose and in the task definition.
    static func argv(_ command: ServiceCommand) -> [String] {
        switch command {
        case .list(let words): return words
        case .string(let line): return ["/bin/sh", "-c", line]
        }
    }

    /// The declared volumes some service mounts, in the order they are declared.
    var usedVolumes: [ECSVolume] {
        var used = Set<String>()
        for service in ecs.services { for mount in service.volumes { used.insert(mount.value.volume) } }
        return ecs.volumes.filter { used.contains($0.name.value) }
    }

    /// A task's network mode: host when a service asks for it (links then cannot
    /// work, which the linter reports), else bridge, which links need.
    var networkMode: String {
        ecs.services.contains { $0.networkMode?.value == .host } ? "host" : "bridge"
    }

    /// `autoprovision` applies only to shared volumes.
    static func autoprovision(_ volume: ECSVolume) -> Bool? {
        volume.scope?.value == .shared ? volume.autoprovision?.value : nil
    }
}
