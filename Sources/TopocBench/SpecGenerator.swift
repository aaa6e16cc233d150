/// Valid fleet specs of any size with every section in use: an overlay (vxlan,
/// on every host), user namespaces, two kvdbs (a host-run one for flannel, a
/// containerised one for Portworx), Portworx on every host, and ECS with
/// services on every host.
enum SpecGenerator {
    static func spec(hosts n: Int) -> String {
        var s = """
        version: 1
        name: fleet-\(n)
        description: generated benchmark fleet of \(n) hosts
        defaults: {os: ubuntu2204, mtu: 9001}
        subnets:
          vpc: {cidr: 10.0.0.0/8}
        x-host: &host {devices: [/dev/xvdf]}
        hosts:

        """
        s.reserveCapacity(n * 110)
        for i in 0..<n {
            // 10.a.b.c with c in 1...250: never a network or broadcast address.
            let c = i % 250 + 1, b = (i / 250) % 256, a = i / 64_000 + 1
            s += "  h\(i): {<<: *host, ifaces: {eth0: {subnet: vpc, address: 10.\(a).\(b).\(c)}}}\n"
        }
        let members = (0..<min(3, n)).map { "h\($0)" }.joined(separator: ", ")
        let pxMembers = (min(3, n)..<min(6, n)).map { "h\($0)" }.joined(separator: ", ")
        s += """
        kvdbs:
          flannel-etcd: {engine: etcd, version: "3.5", run: host, members: [\(members)]}
          px-etcd: {engine: etcd, version: "3.5.9", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [\(pxMembers.isEmpty ? members : pxMembers)], client_port: 12379, peer_port: 12380}
        overlay: {type: flannel, version: "0.22.0", kvdb: flannel-etcd, network: 100.64.0.0/10, subnet_len: 28, backend: vxlan}
        docker:
          userns_remap: default
          subordinate_ids: {start: 500000, count: 65536}
        portworx:
          image: portworx/px-enterprise:2.13.0
          cluster_id: fleet
          kvdb: px-etcd
          storage: {devices: [/dev/xvdf]}
        ecs:
          cluster: fleet
          region: us-west-2
          agent: {image: "amazon/amazon-ecs-agent:v1.75.0", task_iam_role: true}
          volumes:
            data: {driver: pxd, scope: shared, autoprovision: true, driver_opts: {size: "10"}}
          services:
            web: {image: "nginx:1.25", links: [cache], ports: ["8080:80"], memory: 256, environment: {GREETING: "cost $5 and 100%"}}
            cache: {image: "redis:7.2", volumes: ["data:/data"], memory: 512}

        """
        return s
    }
}
