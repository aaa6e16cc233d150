import Diagnostics
import Syntax
import Values

extension Decoder {
    mutating func decodeKVDBs(_ node: Node, refs: References) -> [KVDB] {
        var out: [KVDB] = []
        for (name, body) in namedEntries(node, key: "kvdbs", what: "kvdb") {
            if let k = decodeKVDB(name, body, refs: refs) { out.append(k) }
        }
        return out
    }

    mutating func decodeKVDB(_ name: Located<String>, _ body: Node, refs: References) -> KVDB? {
        let context = "kvdb '\(name.value)'"
        guard let f = fields(body, Schema.kvdb, context: context) else { return nil }
        let engine = f["engine"].flatMap { string($0, key: "engine") }
        if let e = engine, e.value != "etcd" {
            error(ModelRules.badValue, "'engine' must be etcd, not '\(Decoder.shown(e.value))'", at: e.location)
        }
        let version = f["version"].flatMap { self.version($0, key: "version") }
        if let endpointsNode = f["endpoints"] {
            // External cluster: run-only keys make no sense here.
            for key in ["run", "members", "client_port", "peer_port", "extra_client_ports", "token", "data_dir", "image", "network", "enable_v2"] {
                if let loc = f.keyLocation(key) {
                    error(ModelRules.unknownKey, "'\(key)' applies to a kvdb that topoc runs; \(context) is external (it has 'endpoints')", at: loc)
                }
            }
            guard let items = list(endpointsNode, key: "endpoints") else { return nil }
            if items.isEmpty { error(ModelRules.missingKey, "\(context) needs at least one endpoint", at: endpointsNode.location) }
            var endpoints: [Located<EndpointURL>] = []
            for item in items {
                guard let s = string(item, key: "endpoints") else { continue }
                guard let u = EndpointURL(s.value) else {
                    badValue(item, "endpoints must be http:// or https:// URLs with a host and optional port, not '\(Decoder.shown(s.value))'")
                    continue
                }
                endpoints.append(Located(u, at: item.location))
            }
            guard let engine else { return nil }
            return KVDB(name: name, engine: engine, version: version, kind: .external(ExternalKVDB(endpoints: endpoints)))
        }
        // A cluster the plan runs.
        if f["run"] == nil { error(ModelRules.missingKey, "\(context) needs 'run' (host or container), or 'endpoints' for an external cluster", at: body.location) }
        if f["members"] == nil { error(ModelRules.missingKey, "\(context) needs 'members' (the hosts that run it), or 'endpoints' for an external cluster", at: body.location) }
        if f["version"] == nil { error(ModelRules.missingKey, "\(context) needs 'version' (e.g. \"3.3\"): it decides the API and flags", at: body.location) }
        let run = f["run"].flatMap { enumeration($0, key: "run", RunMode.self) }
        var members: [Located<String>] = []
        if let mn = f["members"], let items = list(mn, key: "members") {
            if items.isEmpty { error(ModelRules.missingKey, "\(context) needs at least one member", at: mn.location) }
            var seen = Set<String>()
            for item in items {
                guard let m = self.name(item, key: "members", what: "host") else { continue }
                if !refs.isDecodedHost(m.value) { unknownReference(m, kind: "host", declared: refs.hosts); continue }
                if !seen.insert(m.value).inserted { badValue(item, "host '\(m.value)' is a member of \(context) twice"); continue }
                members.append(m)
            }
        }
        let clientPort = f["client_port"].flatMap { port($0, key: "client_port") } ?? Located(2379, at: name.location)
        let peerPort = f["peer_port"].flatMap { port($0, key: "peer_port") } ?? Located(2380, at: name.location)
        var extra: [Located<Int>] = []
        if let en = f["extra_client_ports"], let items = list(en, key: "extra_client_ports") {
            extra = items.compactMap { port($0, key: "extra_client_ports") }
        }
        var token = Located(name.value, at: name.location)
        if let tn = f["token"], let t = string(tn, key: "token") {
            if t.value.isEmpty || t.value.utf8.count > 128 || !t.value.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 46 || $0 == 95 || $0 == 45 }) {
                badValue(tn, "'token' must be 1-128 of letters, digits and . _ -, not '\(Decoder.shown(t.value))'")
            } else { token = t }
        }
        let dataDir = f["data_dir"].flatMap { absolutePath($0, key: "data_dir") } ?? Located("/var/lib/etcd/\(name.value)", at: name.location)
        let image = f["image"].flatMap { self.image($0, key: "image") }
        let network = f["network"].flatMap { enumeration($0, key: "network", ContainerNetwork.self) } ?? Located(.bridge, at: name.location)
        let enableV2 = f["enable_v2"].flatMap { bool($0, key: "enable_v2") }
        if let run {
            if run.value == .container && f["image"] == nil {
                error(ModelRules.missingKey, "\(context) runs as a container and needs 'image' (e.g. quay.io/coreos/etcd:v3.3.27)", at: body.location)
            }
            if run.value == .host {
                for key in ["image", "network"] {
                    if let loc = f.keyLocation(key) { error(ModelRules.unknownKey, "'\(key)' applies only to run: container; \(context) runs on the host", at: loc) }
                }
            }
        }
        guard let engine, let run, let version, !members.isEmpty else { return nil }
        if run.value == .container && image == nil { return nil }
        let spec = RunKVDB(run: run, members: members, clientPort: clientPort, peerPort: peerPort, extraClientPorts: extra,
                           token: token, dataDir: dataDir, image: image, network: network, enableV2: enableV2,
                           membersLocation: f["members"]?.location ?? body.location)
        return KVDB(name: name, engine: engine, version: version, kind: .run(spec))
    }

    mutating func decodeOverlay(_ node: Node, refs: References, kvdbs: [String], written: [String]) -> Overlay? {
        guard let f = fields(node, Schema.overlay, context: "overlay") else { return nil }
        let type = f["type"].flatMap { string($0, key: "type") }
        if let t = type, t.value != "flannel" { error(ModelRules.badValue, "overlay 'type' must be flannel, not '\(Decoder.shown(t.value))'", at: t.location) }
        let version = f["version"].flatMap { self.version($0, key: "version") }
        let kvdb = f["kvdb"].flatMap { name($0, key: "kvdb", what: "kvdb") }
        if let k = kvdb, !kvdbs.contains(k.value) { unknownReference(k, kind: "kvdb", declared: written) }
        let prefix = f["prefix"].flatMap { absolutePath($0, key: "prefix") } ?? Located("/coreos.com/network", at: node.location)
        let network = f["network"].flatMap { cidr($0, key: "network", ipv4Only: true) }
        let explicitLen = f["subnet_len"].flatMap { int($0, key: "subnet_len", range: 1...32) }
        let backend = f["backend"].flatMap { enumeration($0, key: "backend", FlannelBackend.self) } ?? Located(.udp, at: node.location)
        var iface: Located<String>? = nil
        if let inode = f["iface"], let s = string(inode, key: "iface") {
            if Names.isIfaceName(s.value) { iface = s } else { badValue(inode, "'iface' must be an interface name of 1-15 bytes, not '\(Decoder.shown(s.value))'") }
        }
        let ipMasq = f["ip_masq"].flatMap { bool($0, key: "ip_masq") } ?? Located(false, at: node.location)
        let hosts = hostSet(f, refs: refs, context: "overlay")
        guard let type, let version, let kvdb, kvdbs.contains(kvdb.value), let network else { return nil }
        let defaultLen = network.value.prefix <= 22 ? 24 : min(32, network.value.prefix + 2)
        return Overlay(type: type, version: version, kvdb: kvdb, prefix: prefix, network: network,
                       subnetLen: explicitLen ?? Located(defaultLen, at: network.location), subnetLenIsDefault: explicitLen == nil,
                       backend: backend, iface: iface, ipMasq: ipMasq, hosts: hosts, location: node.location)
    }

    mutating func decodeDocker(_ node: Node, refs: References) -> Docker? {
        guard let f = fields(node, Schema.docker, context: "docker") else { return nil }
        let hosts = hostSet(f, refs: refs, context: "docker")
        var remap: Located<String>? = nil
        if let rn = f["userns_remap"], let s = string(rn, key: "userns_remap") {
            if s.value == "default" || Names.isUserSpec(s.value) { remap = s }
            else { badValue(rn, "'userns_remap' must be default or a user name (user or user:group), not '\(Decoder.shown(s.value))'") }
        }
        var ids: SubordinateIDs? = nil
        if let sn = f["subordinate_ids"], let sf = fields(sn, Schema.subordinateIDs, context: "subordinate_ids") {
            let start = sf["start"].flatMap { int($0, key: "start", range: 1...4_294_967_294) }
            let count = sf["count"].flatMap { int($0, key: "count", range: 1...4_294_967_294) }
            if let start, let count { ids = SubordinateIDs(start: start, count: count, location: sn.location) }
        }
        if remap != nil && f["subordinate_ids"] == nil {
            error(ModelRules.missingKey, "docker needs 'subordinate_ids' ({start, count}) with 'userns_remap': the remapped user needs /etc/subuid and /etc/subgid entries", at: node.location)
        }
        return Docker(hosts: hosts, usernsRemap: remap, subordinateIDs: ids, location: node.location)
    }

    mutating func decodePortworx(_ node: Node, refs: References, kvdbs: [String], written: [String]) -> Portworx? {
        guard let f = fields(node, Schema.portworx, context: "portworx") else { return nil }
        let image = f["image"].flatMap { self.image($0, key: "image") }
        var clusterID: Located<String>? = nil
        if let cn = f["cluster_id"], let s = string(cn, key: "cluster_id") {
            if !s.value.isEmpty && s.value.utf8.count <= 128 && s.value.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 || $0 == 45 }) {
                clusterID = s
            } else { badValue(cn, "'cluster_id' must be letters, digits, _ and - (at most 128), not '\(Decoder.shown(s.value))'") }
        }
        let kvdb = f["kvdb"].flatMap { name($0, key: "kvdb", what: "kvdb") }
        if let k = kvdb, !kvdbs.contains(k.value) { unknownReference(k, kind: "kvdb", declared: written) }
        let hosts = hostSet(f, refs: refs, context: "portworx")
        var storage: PortworxStorage? = nil
        if let sn = f["storage"], let sf = fields(sn, Schema.storage, context: "portworx storage") {
            var devices: [Located<String>]? = nil
            if let dn = sf["devices"], let items = list(dn, key: "devices") { devices = items.compactMap { devicePath($0, key: "devices") } }
            storage = PortworxStorage(allDevices: sf["all_devices"].flatMap { bool($0, key: "all_devices") },
                                      devices: devices,
                                      force: sf["force"].flatMap { bool($0, key: "force") },
                                      zeroStorage: sf["zero_storage"].flatMap { bool($0, key: "zero_storage") },
                                      location: sn.location)
        }
        let startPort = f["start_port"].flatMap { port($0, key: "start_port") } ?? Located(9001, at: node.location)
        if startPort.value + Portworx.portCount - 1 > 65535 {
            error(ModelRules.badValue, "'start_port' \(startPort.value) leaves no room for Portworx's \(Portworx.portCount) ports below 65536", at: startPort.location)
            return nil
        }
        guard let image, let clusterID, let kvdb, kvdbs.contains(kvdb.value), let storage else { return nil }
        return Portworx(image: image, clusterID: clusterID, kvdb: kvdb, hosts: hosts, storage: storage, startPort: startPort, location: node.location)
    }
}
