import Diagnostics
import Syntax
import Values

extension Decoder {
    mutating func decodeECS(_ node: Node, refs: References) -> ECS? {
        guard let f = fields(node, Schema.ecs, context: "ecs") else { return nil }
        let cluster = f["cluster"].flatMap { name($0, key: "cluster", what: "ECS cluster") }
        var region: Located<String>? = nil
        if let rn = f["region"], let s = string(rn, key: "region") {
            if Names.isAWSRegion(s.value) { region = s }
            else { badValue(rn, "'region' must be an AWS region such as us-west-1, not '\(Decoder.shown(s.value))'") }
        }
        let hosts = hostSet(f, refs: refs, context: "ecs")
        var agent = ECSAgent(image: Located(ImageReference("amazon/amazon-ecs-agent:latest")!, at: node.location),
                             logLevel: Located(.info, at: node.location), taskIAMRole: nil, taskIAMRoleNetworkHost: nil, location: node.location)
        if let an = f["agent"], let af = fields(an, Schema.agent, context: "ecs agent") {
            if let i = af["image"].flatMap({ image($0, key: "image") }) { agent.image = i }
            if let l = af["log_level"].flatMap({ enumeration($0, key: "log_level", ECSLogLevel.self) }) { agent.logLevel = l }
            agent.taskIAMRole = af["task_iam_role"].flatMap { bool($0, key: "task_iam_role") }
            agent.taskIAMRoleNetworkHost = af["task_iam_role_network_host"].flatMap { bool($0, key: "task_iam_role_network_host") }
            agent.location = an.location
        }
        var volumes: [ECSVolume] = []
        if let vn = f["volumes"] {
            for (name, body) in namedEntries(vn, key: "volumes", what: "volume") {
                guard let vf = fields(body, Schema.volume, context: "volume '\(name.value)'") else { continue }
                var driver: Located<String>? = nil
                if let dn = vf["driver"], let s = string(dn, key: "driver") {
                    if Decoder.isOptionToken(s.value, allowSlash: true) { driver = s }
                    else { badValue(dn, "'driver' must be a driver name such as pxd or local, not '\(Decoder.shown(s.value))'") }
                }
                var opts: [(key: Located<String>, value: Located<String>)] = []
                if let on = vf["driver_opts"] {
                    if let pairs = on.mapping {
                        for p in pairs {
                            guard let k = string(p.key, key: "driver_opts key"), let v = string(p.value, key: "driver_opts value") else { continue }
                            guard Decoder.isOptionToken(k.value, allowSlash: false) else {
                                badValue(p.key, "driver option names are letters, digits and . _ -, not '\(Decoder.shown(k.value))'")
                                continue
                            }
                            opts.append((k, v))
                        }
                    } else { typeMismatch(on, expected: "a mapping of option names to values", key: "driver_opts") }
                }
                volumes.append(ECSVolume(name: name, driver: driver,
                                         scope: vf["scope"].flatMap { enumeration($0, key: "scope", VolumeScope.self) },
                                         autoprovision: vf["autoprovision"].flatMap { bool($0, key: "autoprovision") },
                                         driverOpts: opts))
            }
        }
        var services: [ECSService] = []
        if let sn = f["services"] {
            for (name, body) in namedEntries(sn, key: "services", what: "service") {
                if let s = decodeService(name, body) { services.append(s) }
            }
        }
        guard let cluster, let region else { return nil }
        return ECS(cluster: cluster, region: region, hosts: hosts, agent: agent, volumes: volumes, services: services, location: node.location)
    }

    static func isOptionToken(_ s: String, allowSlash: Bool) -> Bool {
        guard let f = s.utf8.first, s.utf8.count <= 128 else { return false }
        func alnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        return alnum(f) && s.utf8.allSatisfy { alnum($0) || $0 == 46 || $0 == 95 || $0 == 45 || (allowSlash && ($0 == 47 || $0 == 58)) }
    }

    mutating func decodeService(_ name: Located<String>, _ body: Node) -> ECSService? {
        let context = "service '\(name.value)'"
        guard let f = fields(body, Schema.service, context: context) else { return nil }
        let image = f["image"].flatMap { self.image($0, key: "image") }
        var command: Located<ServiceCommand>? = nil
        if let cn = f["command"] {
            if let items = cn.sequence {
                let args = items.compactMap { string($0, key: "command") }.map { $0.value }
                if args.count == items.count { command = Located(.list(args), at: cn.location) }
            } else if let s = string(cn, key: "command") {
                command = Located(.string(s.value), at: cn.location)
            }
        }
        var environment: [(key: Located<String>, value: Located<String>)] = []
        if let en = f["environment"] {
            if let pairs = en.mapping {
                for p in pairs {
                    guard let k = string(p.key, key: "environment name") else { continue }
                    guard Names.isEnvironmentName(k.value) else {
                        badValue(p.key, "environment variable names are [A-Za-z_][A-Za-z0-9_]*, not '\(Decoder.shown(k.value))'")
                        continue
                    }
                    // Values are strings; a plain number or boolean is taken as written.
                    guard let v = p.value.scalar, !p.value.isNull else {
                        typeMismatch(p.value, expected: "a string", key: k.value)
                        continue
                    }
                    if v.unicodeScalars.contains(where: { $0.value == 0 }) { badValue(p.value, "environment values cannot contain NUL"); continue }
                    environment.append((k, Located(v, at: p.value.location)))
                }
            } else { typeMismatch(en, expected: "a mapping of variable names to values", key: "environment") }
        }
        var links: [Located<String>] = []
        if let ln = f["links"], let items = list(ln, key: "links") {
            links = items.compactMap { self.name($0, key: "links", what: "service") }
        }
        var volumes: [Located<VolumeMount>] = []
        if let vn = f["volumes"], let items = list(vn, key: "volumes") {
            for item in items {
                guard let s = string(item, key: "volumes") else { continue }
                if let m = Decoder.volumeMount(s.value) { volumes.append(Located(m, at: item.location)) }
                else { badValue(item, "service volumes are 'volume:/absolute/path' or 'volume:/absolute/path:ro', not '\(Decoder.shown(s.value))'") }
            }
        }
        var ports: [Located<PortMapping>] = []
        if let pn = f["ports"], let items = list(pn, key: "ports") {
            for item in items {
                guard let s = item.scalar, !item.isNull else { typeMismatch(item, expected: "a string such as \"8080:80\"", key: "ports"); continue }
                if let m = Decoder.portMapping(s) { ports.append(Located(m, at: item.location)) }
                else { badValue(item, "ports are 'host:container' or 'host:container/udp' with ports 1-65535, not '\(Decoder.shown(s))'") }
            }
        }
        let memory = f["memory"].flatMap { int($0, key: "memory", range: 4...1_048_576) }
        let cpu = f["cpu"].flatMap { int($0, key: "cpu", range: 0...65_536) }
        let privileged = f["privileged"].flatMap { bool($0, key: "privileged") }
        let networkMode = f["network_mode"].flatMap { enumeration($0, key: "network_mode", ContainerNetwork.self) }
        guard let image else { return nil }
        return ECSService(name: name, image: image, command: command, environment: environment, links: links,
                          volumes: volumes, ports: ports, memory: memory, cpu: cpu, privileged: privileged, networkMode: networkMode)
    }

    static func volumeMount(_ s: String) -> VolumeMount? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        guard Names.isName(parts[0]), Names.isAbsolutePath(parts[1]) else { return nil }
        var readOnly = false
        if parts.count == 3 {
            switch parts[2] {
            case "ro": readOnly = true
            case "rw": readOnly = false
            default: return nil
            }
        }
        return VolumeMount(volume: String(parts[0]), path: String(parts[1]), readOnly: readOnly)
    }

    static func portMapping(_ s: String) -> PortMapping? {
        var body = Substring(s)
        var proto = PortProtocol.tcp
        if let slash = body.firstIndex(of: "/") {
            guard let p = PortProtocol(rawValue: String(body[body.index(after: slash)...])) else { return nil }
            proto = p
            body = body[..<slash]
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        func port(_ t: Substring) -> Int? {
            guard !t.isEmpty, t.count <= 5, t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let p = Int(t), (1...65535).contains(p) else { return nil }
            return p
        }
        switch parts.count {
        case 1: return port(parts[0]).map { PortMapping(hostPort: nil, containerPort: $0, proto: proto) }
        case 2:
            guard let h = port(parts[0]), let c = port(parts[1]) else { return nil }
            return PortMapping(hostPort: h, containerPort: c, proto: proto)
        default: return nil
        }
    }
}
