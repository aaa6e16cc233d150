import Foundation
import TestSupport
import Testing
import Model
import Planner
@testable import Emitters

/// etcd member configuration beyond the seeds: versions, networks, clusters.
@Suite struct FilesEtcdTests {
    /// A spec with one kvdb `kv` on hosts h1..h3, optionally the overlay's.
    static func spec(version: String, run: String = "container", network: String = "bridge", members: String = "[h1]",
                     overlay: String? = nil, extra: String = "", docker: Bool = false, address1: String = "10.0.6.11",
                     cidr: String = "10.0.6.0/24", clientPort: Int = 2379, peerPort: Int = 2380, dataDir: String? = nil) -> String {
        var s = """
        version: 1
        name: t
        defaults: {os: ubuntu2204}
        subnets: {lan: {cidr: "\(cidr)"}}
        hosts:
          h1: {ifaces: {eth0: {subnet: lan, address: "\(address1)"}}}
          h2: {ifaces: {eth0: {subnet: lan, address: 10.0.6.12}}}
          h3: {ifaces: {eth0: {subnet: lan, address: 10.0.6.13}}}
        kvdbs:
          kv:
            engine: etcd
            version: "\(version)"
            run: \(run)
            members: \(members)
            client_port: \(clientPort)
            peer_port: \(peerPort)

        """
        if run == "container" { s += "    image: quay.io/coreos/etcd:v\(version)\n    network: \(network)\n" }
        if let dataDir { s += "    data_dir: \(dataDir)\n" }
        s += extra
        if let overlay {
            s += "overlay: {type: flannel, version: \"\(overlay)\", kvdb: kv, network: 10.1.0.0/16, backend: vxlan}\n"
        }
        if docker { s += "docker: {userns_remap: default, subordinate_ids: {start: 500000, count: 65536}}\n" }
        return s
    }

    func conf(_ yaml: String, member: String = "h1") throws -> [String] {
        Support.settings(FileRenderer.content(of: .etcdConf(kvdb: "kv", member: member), in: try Support.topology(yaml)))
    }

    @Test func enableV2ForAnOldFlannelOn34And35Only() throws {
        #expect(try conf(Self.spec(version: "3.4", run: "host", overlay: "0.7.1")).contains("ETCD_ENABLE_V2=\"true\""))
        #expect(try conf(Self.spec(version: "3.5.9", run: "host", overlay: "0.17")).contains("ETCD_ENABLE_V2=\"true\""))
        // flannel 0.18+ speaks v3; etcd 3.3 serves v2 by default.
        #expect(try !conf(Self.spec(version: "3.4", run: "host", overlay: "0.18")).contains { $0.hasPrefix("ETCD_ENABLE_V2") })
        #expect(try !conf(Self.spec(version: "3.3", run: "host", overlay: "0.7.1")).contains { $0.hasPrefix("ETCD_ENABLE_V2") })
        // No overlay uses it.
        #expect(try !conf(Self.spec(version: "3.4", run: "host")).contains { $0.hasPrefix("ETCD_ENABLE_V2") })
        // Asked for explicitly.
        #expect(try conf(Self.spec(version: "3.5", run: "host", extra: "    enable_v2: true\n")).contains("ETCD_ENABLE_V2=\"true\""))
    }

    @Test func clusterOfThreeNamesEachMemberAfterItsHost() throws {
        let yaml = Self.spec(version: "3.5", run: "host", members: "[h1, h2, h3]", extra: "    extra_client_ports: [4001]\n")
        let all = try ["h1", "h2", "h3"].map { try conf(yaml, member: $0) }
        let initial = "ETCD_INITIAL_CLUSTER=\"h1=http://10.0.6.11:2380,h2=http://10.0.6.12:2380,h3=http://10.0.6.13:2380\""
        for (i, c) in all.enumerated() {
            #expect(c.contains(initial))
            #expect(c.contains("ETCD_NAME=\"h\(i + 1)\""))
        }
        #expect(all[1].contains("ETCD_LISTEN_CLIENT_URLS=\"http://10.0.6.12:2379,http://127.0.0.1:2379,http://10.0.6.12:4001,http://127.0.0.1:4001\""))
        #expect(all[1].contains("ETCD_ADVERTISE_CLIENT_URLS=\"http://10.0.6.12:2379,http://10.0.6.12:4001\""))
        #expect(all[2].contains("ETCD_INITIAL_ADVERTISE_PEER_URLS=\"http://10.0.6.13:2380\""))
    }

    @Test func ipv6AddressesAreBracketedInURLs() throws {
        let yaml = Self.spec(version: "3.5", run: "host", address1: "fd00::11", cidr: "fd00::/64")
            .replacingOccurrences(of: "10.0.6.1", with: "fd00::1")
        let c = try conf(yaml)
        #expect(c.contains("ETCD_ADVERTISE_CLIENT_URLS=\"http://[fd00::11]:2379\""))
        #expect(c.contains("ETCD_INITIAL_CLUSTER=\"h1=http://[fd00::11]:2380\""))
    }

    @Test func etcd3ContainerNamesTheBinaryAndUsesDoubleDashFlags() throws {
        let t = try Support.topology(Self.spec(version: "3.4", network: "host", overlay: "0.10.0", docker: true))
        let run = Containers.etcd(kvdb: "kv", member: "h1", in: t)
        #expect(run.flags == ["--net=host", "--userns=host", "-v", "/var/lib/etcd/kv:/var/lib/etcd/kv"])
        #expect(run.image == "quay.io/coreos/etcd:v3.4")
        #expect(run.arguments == [
            "/usr/local/bin/etcd",
            "--name=h1",
            "--data-dir=/var/lib/etcd/kv",
            "--listen-peer-urls=http://10.0.6.11:2380",
            "--listen-client-urls=http://10.0.6.11:2379,http://127.0.0.1:2379",
            "--advertise-client-urls=http://10.0.6.11:2379",
            "--initial-advertise-peer-urls=http://10.0.6.11:2380",
            "--initial-cluster=h1=http://10.0.6.11:2380",
            "--initial-cluster-state=new",
            "--initial-cluster-token=kv",
            "--enable-v2=true",
        ])
    }

    @Test func bridgeContainerDoesNotLeaveTheUserNamespace() throws {
        let run = Containers.etcd(kvdb: "kv", member: "h1", in: try Support.topology(Self.spec(version: "3.5", docker: true)))
        #expect(!run.flags.contains("--userns=host"))
        #expect(run.flags.prefix(5) == ["--net=bridge", "-p", "2379:2379", "-p", "2380:2380"])
    }

    /// The real etcd (3.4) started from the generated etcd.conf, loaded the way
    /// systemd's EnvironmentFile= would (same double-quote rules as bash), and
    /// from the container's arguments: it must come up, serve on the advertised
    /// URL, and serve v2 where the rule turned it on.
    @Test func etcdStartsFromTheGeneratedConfiguration() throws {
        guard Subprocess.exists("etcd"), Subprocess.exists("etcdctl"), Subprocess.exists("curl") else {
            print("skipped: etcd, etcdctl or curl is not installed"); return
        }
        let scratch = try Scratch.directory("emitters")
        defer { Scratch.remove(scratch) }
        let yaml = Self.spec(version: "3.4", run: "host", overlay: "0.7.1", address1: "127.0.0.1", cidr: "127.0.0.0/8",
                             clientPort: 23791, peerPort: 23801, dataDir: scratch.appendingPathComponent("data").path)
        let conf = FileRenderer.content(of: .etcdConf(kvdb: "kv", member: "h1"), in: try Support.topology(yaml))
        try Scratch.write(conf, to: scratch.appendingPathComponent("etcd.conf"))
        let script = """
        set -a; . ./etcd.conf; set +a
        (exec etcd) > etcd.log 2>&1 &
        pid=$!
        for i in $(seq 1 50); do
          ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:23791 endpoint health >/dev/null 2>&1 && break
          sleep 0.2
        done
        ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:23791 endpoint health
        curl -sf http://127.0.0.1:23791/v2/keys/ && echo " v2-served"
        kill -KILL $pid; wait $pid
        exit 0
        """
        let result = try Self.runScript(script, in: scratch)
        #expect((result.stdout + result.stderr).contains("http://127.0.0.1:23791 is healthy"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("v2-served"), "v2 must be on for flannel 0.7.1: \(result.stdout)")
    }

    /// The host-network container's arguments, given to the real etcd binary
    /// (what the image's /usr/local/bin/etcd receives).
    @Test func etcdStartsFromTheContainerArguments() throws {
        guard Subprocess.exists("etcd"), Subprocess.exists("etcdctl") else { print("skipped: etcd or etcdctl is not installed"); return }
        let scratch = try Scratch.directory("emitters")
        defer { Scratch.remove(scratch) }
        let yaml = Self.spec(version: "3.4", network: "host", address1: "127.0.0.1", cidr: "127.0.0.0/8",
                             clientPort: 23792, peerPort: 23802, dataDir: scratch.appendingPathComponent("data").path)
        let run = Containers.etcd(kvdb: "kv", member: "h1", in: try Support.topology(yaml))
        #expect(run.arguments.first == "/usr/local/bin/etcd")
        let words = run.arguments.dropFirst().map(ShellQuoting.quote).joined(separator: " ")
        let script = """
        (exec etcd \(words)) > etcd.log 2>&1 &
        pid=$!
        for i in $(seq 1 50); do
          ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:23792 endpoint health >/dev/null 2>&1 && break
          sleep 0.2
        done
        ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:23792 endpoint health 2>&1 || cat etcd.log
        kill -KILL $pid; wait $pid
        exit 0
        """
        let result = try Self.runScript(script, in: scratch)
        #expect(result.stdout.contains("http://127.0.0.1:23792 is healthy"), "\(result.stdout)\(result.stderr)")
    }

    /// Runs a bash script in `dir`. The scripts wait a bounded time for etcd and
    /// always end it, by its process id.
    static func runScript(_ script: String, in dir: URL) throws -> Subprocess.Result {
        try Subprocess.run(["bash", "-c", script], in: dir)
    }
}
