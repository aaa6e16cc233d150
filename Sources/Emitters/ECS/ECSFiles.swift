import Model
import Values

/// The files that run the ECS services: docker-compose.yml and ecs-params.yml for
/// `ecs-cli compose`, and task-definition.json for `aws ecs
/// register-task-definition` (ecs-cli is archived upstream). Each is nil when
/// the spec has no ECS services.
public enum ECSFiles {
    /// Compose file version 2 (ecs-cli accepts 1, 2 and 3). Every string that
    /// comes from the spec is YAML-quoted unless it is a plain word, and its `$`
    /// doubled: compose interpolates `$VAR` in every value.
    public static func compose(_ t: Topology) -> String? {
        guard let task = ECSTask(t) else { return nil }
        func s(_ value: String) -> String { YAMLQuoting.scalar(composeLiteral(value)) }
        var out = GeneratedHeader.lines(spec: t.name.value, comment: "#")
        out += "version: \"2\"\n"
        out += "services:\n"
        for service in task.ecs.services {
            out += "  \(s(service.name.value)):\n"
            out += "    image: \(s(service.image.value.description))\n"
            if let command = service.command?.value {
                out += "    command:\n"
                for word in ECSTask.argv(command) { out += "      - \(s(word))\n" }
            }
            if !service.environment.isEmpty {
                out += "    environment:\n"
                for (key, value) in service.environment {
                    // Always quoted: a value such as `yes` or `0755` must stay that string.
                    out += "      \(s(key.value)): \(YAMLQuoting.quote(composeLiteral(value.value)))\n"
                }
            }
            list("links", service.links.map { $0.value }, into: &out, s)
            list("volumes", service.volumes.map { m in "\(m.value.volume):\(m.value.path)" + (m.value.readOnly ? ":ro" : "") }, into: &out, s)
            list("ports", service.ports.map { p in
                (p.value.hostPort.map { "\($0):" } ?? "") + "\(p.value.containerPort)/\(p.value.proto.rawValue)"
            }, into: &out, s)
            out += "    mem_limit: \(ECSTask.memory(service))m\n"
            if let cpu = service.cpu?.value { out += "    cpu_shares: \(cpu)\n" }
            if let privileged = service.privileged?.value { out += "    privileged: \(privileged)\n" }
            if let mode = service.networkMode?.value { out += "    network_mode: \(mode.rawValue)\n" }
        }
        let volumes = task.usedVolumes
        if !volumes.isEmpty {
            // Declared only by name: ecs-cli takes the driver from ecs-params.yml.
            out += "volumes:\n"
            for volume in volumes { out += "  \(s(volume.name.value)): {}\n" }
        }
        return out
    }

    /// ecs-params.yml: the task's network mode and the Docker volumes (driver,
    /// scope, autoprovision, options) of exactly the volumes compose declares.
    public static func ecsParams(_ t: Topology) -> String? {
        guard let task = ECSTask(t) else { return nil }
        var out = GeneratedHeader.lines(spec: t.name.value, comment: "#")
        out += "version: 1\n"
        out += "task_definition:\n"
        out += "  ecs_network_mode: \(task.networkMode)\n"
        let volumes = task.usedVolumes
        if !volumes.isEmpty {
            out += "  docker_volumes:\n"
            for volume in volumes {
                out += "    - name: \(YAMLQuoting.scalar(volume.name.value))\n"
                if let scope = volume.scope?.value { out += "      scope: \(scope.rawValue)\n" }
                if let auto = ECSTask.autoprovision(volume) { out += "      autoprovision: \(auto)\n" }
                if let driver = volume.driver?.value { out += "      driver: \(YAMLQuoting.scalar(driver))\n" }
                if !volume.driverOpts.isEmpty {
                    out += "      driver_opts:\n"
                    for (key, value) in volume.driverOpts {
                        out += "        \(YAMLQuoting.scalar(key.value)): \(YAMLQuoting.quote(value.value))\n"
                    }
                }
            }
        }
        return out
    }

    /// task-definition.json, the input of `aws ecs register-task-definition
    /// --cli-input-json`. JSON has no comments, so no header.
    public static func taskDefinition(_ t: Topology) -> String? {
        guard let task = ECSTask(t) else { return nil }
        var containers: [OrderedJSON] = []
        for service in task.ecs.services {
            var c: [(String, OrderedJSON)] = [
                ("name", .string(service.name.value)),
                ("image", .string(service.image.value.description)),
                ("essential", .bool(true)),
                ("memory", .int(ECSTask.memory(service))),
            ]
            if let cpu = service.cpu?.value { c.append(("cpu", .int(cpu))) }
            if let command = service.command?.value { c.append(("command", .array(ECSTask.argv(command).map(OrderedJSON.string)))) }
            if !service.environment.isEmpty {
                c.append(("environment", .array(service.environment.map { key, value in
                    .object([("name", .string(key.value)), ("value", .string(value.value))])
                })))
            }
            if !service.links.isEmpty { c.append(("links", .array(service.links.map { .string($0.value) }))) }
            if !service.ports.isEmpty {
                c.append(("portMappings", .array(service.ports.map { p in
                    var m: [(String, OrderedJSON)] = [("containerPort", .int(p.value.containerPort))]
                    // No host port: ECS picks one (dynamic port mapping).
                    if let host = p.value.hostPort { m.append(("hostPort", .int(host))) }
                    m.append(("protocol", .string(p.value.proto.rawValue)))
                    return .object(m)
                })))
            }
            if !service.volumes.isEmpty {
                c.append(("mountPoints", .array(service.volumes.map { m in
                    .object([("sourceVolume", .string(m.value.volume)), ("containerPath", .string(m.value.path)),
                             ("readOnly", .bool(m.value.readOnly))])
                })))
            }
            if let privileged = service.privileged?.value { c.append(("privileged", .bool(privileged))) }
            containers.append(.object(c))
        }
        let volumes: [OrderedJSON] = task.usedVolumes.map { volume in
            var config: [(String, OrderedJSON)] = []
            if let scope = volume.scope?.value { config.append(("scope", .string(scope.rawValue))) }
            if let auto = ECSTask.autoprovision(volume) { config.append(("autoprovision", .bool(auto))) }
            if let driver = volume.driver?.value { config.append(("driver", .string(driver))) }
            if !volume.driverOpts.isEmpty {
                config.append(("driverOpts", .object(volume.driverOpts.map { ($0.key.value, .string($0.value.value)) })))
            }
            return .object([("name", .string(volume.name.value)), ("dockerVolumeConfiguration", .object(config))])
        }
        let document: OrderedJSON = .object([
            ("family", .string("\(task.ecs.cluster.value)-\(task.deployment)")),
            ("networkMode", .string(task.networkMode)),
            ("containerDefinitions", .array(containers)),
            ("volumes", .array(volumes)),
        ])
        return document.document()
    }

    /// A literal string in compose: `$` doubled so interpolation gives it back.
    static func composeLiteral(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "$")) else { return s }
        return ByteEscaping.escape(s) { b, out in
            guard b == UInt8(ascii: "$") else { return false }
            ByteEscaping.append("$$", to: &out)
            return true
        }
    }

    private static func list(_ key: String, _ items: [String], into out: inout String, _ s: (String) -> String) {
        guard !items.isEmpty else { return }
        out += "    \(key):\n"
        for item in items { out += "      - \(s(item))\n" }
    }
}
