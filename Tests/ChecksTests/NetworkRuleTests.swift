import Diagnostics
import Testing
@testable import Checks

@Suite struct PortConflictTests {
    let spec = header + """
    kvdbs:
      a:
        engine: etcd
        version: "3.5"
        run: host
        members: [n1]
      b:
        engine: etcd
        version: "3.5"
        run: container
        image: quay.io/coreos/etcd:v3.5.9
        members: [n1]
        client_port: 2379
        peer_port: 2390
    """

    @Test func bridgedContainerCollidesWithHostEtcd() throws {
        let d = try expectOne(try lint(spec), "port-conflict", .error, at: at("2379", in: spec))
        #expect(d.location.line == 22 && d.location.column == 18)
        // kvdb a's client port is defaulted: the note points at its entry.
        expectNote(d, at: at("a:", in: spec))
        #expect(d.message.contains("2379/tcp on host n1"))
        #expect(d.message.contains("kvdb 'b' client port (on all addresses)"))
        #expect(d.message.contains("kvdb 'a' client port (on 10.0.6.11)"))
    }

    @Test func distinctPortsDoNotConflict() throws {
        let fixed = spec.replacingOccurrences(of: "client_port: 2379", with: "client_port: 2479")
        #expect(try lint(fixed).of("port-conflict").isEmpty)
    }

    @Test func oneServicePortOnManyHostsIsOneFindingNamingThem() throws {
        let s = header + portworxSection() + """
        ecs:
          cluster: c
          region: us-west-1
          agent: {image: "amazon/amazon-ecs-agent:1.80.0"}
          services:
            web: {image: "nginx:1.25", ports: ["9005:80", "2222:22", "8080:80"]}
        """
        let d = try expectOne(try lint(s), "port-conflict", .error, at: at("\"9005:80", in: s))
        #expect(d.message.contains("port 9005/tcp on hosts n1, n2 and n3"))
        #expect(d.message.contains("Portworx takes the 22 ports from start_port"))
        // Portworx's start_port is defaulted: the note points at the section.
        expectNote(d, at: at("image: portworx", in: s))
    }

    @Test func servicePortOnSSHDAndOnAgentLoopback() throws {
        let s = header + """
        ecs:
          cluster: c
          region: us-west-1
          hosts: [n1]
          agent: {image: "amazon/amazon-ecs-agent:1.80.0"}
          services:
            web: {image: "nginx:1.25", ports: ["22:22", "51679:80", "51680:80/udp"]}
        """
        let found = try lint(s).of("port-conflict")
        #expect(found.count == 2)
        let ssh = try #require(found.first { $0.location.column == at("\"22:22", in: s)?.column })
        #expect(ssh.message.contains("sshd"))
        expectNote(ssh, at: at("n1:", in: s))
        // The agent's credentials endpoint binds 127.0.0.1; a published port binds all.
        let cred = try #require(found.first { $0.location.column == at("\"51679:80", in: s)?.column })
        #expect(cred.message.contains("task-credentials endpoint (on 127.0.0.1)"))
    }
}

@Suite struct PortPlanTests {
    @Test func bindingsFollowThePortMap() throws {
        let t = try topology(header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1], extra_client_ports: [4001]}
        overlay: {type: flannel, version: "0.7.1", kvdb: a, network: 10.1.0.0/16, backend: vxlan}
        """)
        let plan = PortPlan(t, roles: .init(t))
        let n1 = plan.bindings.filter { $0.host == 0 }.map { "\($0.ports.lowerBound)/\($0.proto.rawValue)@\(plan.address(of: $0)?.description ?? "*")" }
        #expect(n1 == ["22/tcp@*", "2379/tcp@10.0.6.11", "2379/tcp@127.0.0.1", "2380/tcp@10.0.6.11",
                       "4001/tcp@10.0.6.11", "4001/tcp@127.0.0.1", "8472/udp@*"])
        #expect(plan.clashes().isEmpty)
    }

    @Test func sameAddressClashesDifferentAddressesDoNot() throws {
        let t = try topology(header + """
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1], peer_port: 2379}
        """)
        let plan = PortPlan(t, roles: .init(t))
        let clashes = plan.clashes()
        // peer 2379 on 10.0.6.11 collides with the client's 10.0.6.11, not its 127.0.0.1.
        #expect(clashes.count == 1)
        #expect(clashes.first.flatMap { plan.address(of: $0.later) }?.description == "10.0.6.11")
        #expect(clashes.first.flatMap { plan.address(of: $0.earlier) }?.description == "10.0.6.11")
    }
}

@Suite struct SubnetOverlapTests {
    @Test func nestedSubnetIsReportedAtTheLaterCIDR() throws {
        let s = header.replacingOccurrences(of: "  lan: {cidr: 10.0.6.0/24}\n",
                                            with: "  lan: {cidr: 10.0.6.0/24}\n  inner: {cidr: 10.0.6.128/25}\n  apart: {cidr: 10.0.7.0/24}\n")
        let d = try expectOne(try lint(s), "subnet-overlap", .error, at: at("10.0.6.128/25", in: s))
        #expect(d.message.contains("subnet 'inner' (10.0.6.128/25) lies inside subnet 'lan' (10.0.6.0/24)"))
        expectNote(d, at: at("10.0.6.0/24", in: s))
    }

    @Test func sameAndContainingNetworks() throws {
        let s = header.replacingOccurrences(of: "  lan: {cidr: 10.0.6.0/24}\n",
                                            with: "  lan: {cidr: 10.0.6.0/24}\n  same: {cidr: 10.0.6.0/24}\n  wide: {cidr: 10.0.0.0/16}\n")
        let found = try lint(s).of("subnet-overlap")
        // same vs lan, and wide vs the first /24 it contains: one finding each.
        #expect(found.map { $0.location.line } == [6, 7])
        #expect(found[0].message.contains("subnet 'same' (10.0.6.0/24) is the same network as subnet 'lan'"))
        #expect(found[1].message.contains("subnet 'wide' (10.0.0.0/16) contains subnet"))
    }

    @Test func disjointSubnetsPass() throws {
        let s = header.replacingOccurrences(of: "  lan: {cidr: 10.0.6.0/24}\n", with: "  lan: {cidr: 10.0.6.0/24}\n  b: {cidr: 10.0.7.0/24}\n  v6: {cidr: \"fd00::/64\"}\n")
        #expect(try lint(s).of("subnet-overlap").isEmpty)
    }
}

@Suite struct OverlayOverlapsSubnetTests {
    @Test func guideEndpointInsideOverlay() throws {
        let s = header + """
        kvdbs:
          fl: {engine: etcd, endpoints: ["http://10.1.2.3:2379"]}
        overlay: {type: flannel, version: "0.7.1", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}
        """
        let d = try expectOne(try lint(s), "overlay-overlaps-subnet", .error, at: at("10.1.0.0/16", in: s))
        #expect(d.message.contains("contains 10.1.2.3, an endpoint of kvdb 'fl'"))
        expectNote(d, at: at("\"http://10.1.2.3", in: s))
    }

    @Test func subnetInsideOverlay() throws {
        let s = header + """
        kvdbs:
          fl: {engine: etcd, endpoints: ["http://192.168.1.5:2379"]}
        overlay: {type: flannel, version: "0.7.1", kvdb: fl, network: 10.0.0.0/16, backend: vxlan}
        """
        // The subnet is reported; its hosts' addresses (also inside) are not repeated.
        let d = try expectOne(try lint(s), "overlay-overlaps-subnet", .error, at: at("10.0.0.0/16", in: s))
        expectNote(d, at: at("10.0.6.0/24", in: s))
    }

    @Test func separateOverlayPasses() throws {
        let s = header + """
        kvdbs:
          fl: {engine: etcd, endpoints: ["http://10.0.6.50:2379"]}
        overlay: {type: flannel, version: "0.7.1", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}
        """
        #expect(try lint(s).of("overlay-overlaps-subnet").isEmpty)
    }
}

@Suite struct DockerBridgeOverlapTests {
    let spec = """
    version: 1
    name: t
    defaults: {os: rocky9}
    subnets:
      vpc: {cidr: 172.16.0.0/12}
    hosts:
      a: {ifaces: {eth0: {subnet: vpc, address: 172.16.0.10}}}
      b: {ifaces: {eth0: {subnet: vpc, address: 172.16.0.11}}}
    ecs:
      cluster: c
      region: us-west-1
      hosts: [a]
      agent: {image: "amazon/amazon-ecs-agent:1.80.0"}
    """

    @Test func ecsHostOnSubnetContainingTheBridge() throws {
        let d = try expectOne(try lint(spec), "docker-bridge-overlap", .warning, at: at("172.16.0.0/12", in: spec))
        // Only the host that runs containers is named.
        #expect(d.message.contains("on host a,"))
    }

    @Test func noContainerHostsNoWarning() throws {
        let s = spec.replacingOccurrences(of: "hosts: [a]", with: "hosts: [a]\n").replacingOccurrences(of: "ecs:\n  cluster: c\n  region: us-west-1\n  hosts: [a]\n\n  agent: {image: \"amazon/amazon-ecs-agent:1.80.0\"}", with: "")
        #expect(!s.contains("ecs:"))
        #expect(try lint(s).of("docker-bridge-overlap").isEmpty)
    }
}

@Suite struct AddressRuleTests {
    @Test func addressOutsideSubnet() throws {
        let s = header.replacingOccurrences(of: "address: 10.0.6.12", with: "address: 10.0.7.12")
        let d = try expectOne(try lint(s), "address-outside-subnet", .error, at: at("10.0.7.12", in: s))
        #expect(d.message.contains("address 10.0.7.12 of n2's iface eth0 is outside its subnet 'lan' (10.0.6.0/24)"))
        expectNote(d, at: at("10.0.6.0/24", in: s))
    }

    @Test func addressesInsidePass() throws {
        #expect(try lint(header).of("address-outside-subnet").isEmpty)
    }

    @Test func networkAndBroadcastAddressesAreReserved() throws {
        let s = header.replacingOccurrences(of: "address: 10.0.6.12", with: "address: 10.0.6.255")
        let d = try expectOne(try lint(s), "address-reserved", .error, at: at("10.0.6.255", in: s))
        #expect(d.message.contains("broadcast address of subnet 'lan'"))
        let v6 = header.replacingOccurrences(of: "  lan: {cidr: 10.0.6.0/24}\n", with: "  lan: {cidr: 10.0.6.0/24}\n  six: {cidr: \"fd00::/64\"}\n")
            .replacingOccurrences(of: "{subnet: lan, address: 10.0.6.13}", with: "{subnet: six, address: \"fd00::\"}")
        let a = try expectOne(try lint(v6), "address-reserved", .error, at: at("\"fd00::\"}", in: v6))
        #expect(a.message.contains("subnet-router anycast"))
    }

    @Test func pointToPointSubnetsHaveNoReservedAddresses() throws {
        let s = header.replacingOccurrences(of: "  lan: {cidr: 10.0.6.0/24}\n", with: "  lan: {cidr: 10.0.6.0/24}\n  p2p: {cidr: 10.9.9.0/31}\n")
            .replacingOccurrences(of: "{subnet: lan, address: 10.0.6.13}", with: "{subnet: p2p, address: 10.9.9.0}")
        #expect(try lint(s).of("address-reserved").isEmpty)
    }

    @Test func duplicateAddressIsReportedAtTheSecond() throws {
        let s = header.replacingOccurrences(of: "address: 10.0.6.13", with: "address: 10.0.6.11")
        let d = try expectOne(try lint(s), "duplicate-address", .error, at: at("10.0.6.11", in: s, occurrence: 2))
        expectNote(d, at: at("10.0.6.11", in: s))
        #expect(d.message.contains("is already n1's (iface eth0)"))
    }

    @Test func distinctAddressesPass() throws {
        #expect(try lint(header).of("duplicate-address").isEmpty)
    }

    @Test func gatewayOutsideOrReserved() throws {
        let s = header.replacingOccurrences(of: "  lan: {cidr: 10.0.6.0/24}\n", with: "  lan: {cidr: 10.0.6.0/24, gateway: 10.0.0.1}\n  b: {cidr: 10.0.8.0/24, gateway: 10.0.8.0}\n  c: {cidr: 10.0.9.0/24, gateway: 10.0.9.1}\n")
        let found = try lint(s).of("gateway-outside-subnet")
        #expect(found.count == 2)
        #expect(found.map { $0.location.line } == [5, 6])
        #expect(found[0].location.column == at("10.0.0.1", in: s)?.column)
        #expect(found[0].message.contains("is outside 10.0.6.0/24"))
        #expect(found[1].message.contains("network address"))
    }

    @Test func gatewayInsidePasses() throws {
        let s = header.replacingOccurrences(of: "{cidr: 10.0.6.0/24}", with: "{cidr: 10.0.6.0/24, gateway: 10.0.6.1}")
        #expect(try lint(s).of("gateway-outside-subnet").isEmpty)
    }
}

@Suite struct OverlayRuleTests {
    func spec(_ overlay: String) -> String {
        header + """
        kvdbs:
          fl: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3]}
        overlay: \(overlay)
        """
    }

    @Test func capacityTooSmall() throws {
        // /28 in /26: 2^2 - 1 = 3 leases; add a fourth host.
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/26, subnet_len: 28, backend: vxlan}")
            .replacingOccurrences(of: "hosts:\n", with: "hosts:\n  n4: {ifaces: {eth0: {subnet: lan, address: 10.0.6.14}}}\n")
        let d = try expectOne(try lint(s), "overlay-capacity", .error, at: at("28, backend", in: s))
        #expect(d.message.contains("has room for 3 hosts"))
        #expect(d.message.contains("4 hosts are on the overlay"))
        #expect(d.message.contains("raise subnet_len to 29"))
    }

    @Test func capacityEnough() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/26, subnet_len: 28, backend: vxlan}")
        #expect(try lint(s).of("overlay-capacity").isEmpty)
    }

    @Test func subnetLenOutOfRange() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, subnet_len: 17, backend: vxlan}")
        let d = try expectOne(try lint(s), "overlay-subnet-len", .error, at: at("17", in: s))
        #expect(d.message.contains("at least 18"))
        let tooLong = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, subnet_len: 31, backend: vxlan}")
        #expect(try expectOne(try lint(tooLong), "overlay-subnet-len", .error, at: at("31", in: tooLong)).message.contains("at most 30"))
        // Defaulted: /30 gives prefix + 2 = 32, out of range; the network is blamed.
        let small = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/30, backend: vxlan}")
        try expectOne(try lint(small), "overlay-subnet-len", .error, at: at("10.1.0.0/30", in: small))
    }

    @Test func subnetLenInRange() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, subnet_len: 30, backend: vxlan}")
        #expect(try lint(s).of("overlay-subnet-len").isEmpty)
        #expect(try lint(s).of("overlay-capacity").isEmpty)
    }

    @Test func udpBackendExplicitAndDefault() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: udp}")
        try expectOne(try lint(s), "overlay-backend-udp", .warning, at: at("udp}", in: s))
        let d = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16}")
        let w = try expectOne(try lint(d), "overlay-backend-udp", .warning, at: at("{type: flannel", in: d))
        #expect(w.message.contains("gives no backend"))
    }

    @Test func vxlanBackendPasses() throws {
        #expect(try lint(spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}")).of("overlay-backend-udp").isEmpty)
    }

    @Test func ifaceMissingOnAHost() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: vxlan, iface: eth0}")
            .replacingOccurrences(of: "n3: {ifaces: {eth0:", with: "n3: {ifaces: {ens3:")
        let d = try expectOne(try lint(s), "overlay-iface-missing", .error, at: at("eth0}", in: s))
        #expect(d.message.contains("does not exist on host n3"))
        expectNote(d, at: at("n3:", in: s))
    }

    @Test func ifacePresentEverywhere() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: vxlan, iface: eth0}")
        #expect(try lint(s).of("overlay-iface-missing").isEmpty)
    }

    @Test func hostGWAcrossSubnets() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: host-gw}")
            .replacingOccurrences(of: "  lan: {cidr: 10.0.6.0/24}\n", with: "  lan: {cidr: 10.0.6.0/24}\n  far: {cidr: 10.0.9.0/24}\n")
            .replacingOccurrences(of: "{subnet: lan, address: 10.0.6.13}", with: "{subnet: far, address: 10.0.9.13}")
        let d = try expectOne(try lint(s), "overlay-host-gw-l2", .error, at: at("host-gw", in: s))
        #expect(d.message.contains("subnet 'lan' (n1 and n2) and subnet 'far' (n3)"))
        expectNote(d, at: at("10.0.9.0/24", in: s))
    }

    @Test func hostGWOnOneSegmentPasses() throws {
        #expect(try lint(spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: host-gw}")).of("overlay-host-gw-l2").isEmpty)
    }

    @Test func mtuBelowIPv6Minimum() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: vxlan}")
            .replacingOccurrences(of: "{cidr: 10.0.6.0/24}", with: "{cidr: 10.0.6.0/24, mtu: 1300}")
        let d = try expectOne(try lint(s), "overlay-mtu", .warning, at: at("1300", in: s))
        #expect(d.message.contains("would be 1250"))
        #expect(d.message.contains("hosts n1, n2 and n3"))
        #expect(d.message.contains("at least 1330"))
    }

    @Test func mtuFineForHostGW() throws {
        let s = spec("{type: flannel, version: \"0.7.1\", kvdb: fl, network: 10.1.0.0/16, backend: host-gw}")
            .replacingOccurrences(of: "{cidr: 10.0.6.0/24}", with: "{cidr: 10.0.6.0/24, mtu: 1300}")
        #expect(try lint(s).of("overlay-mtu").isEmpty)
    }
}

/// Fuzzing found host names repeated in a grouped port conflict: a host clashes
/// once through its address and once through 127.0.0.1.
@Suite struct PortConflictGroupingTests {
    @Test func eachHostIsNamedOnce() throws {
        let spec = """
        version: 1
        name: t
        defaults: {os: rocky9}
        subnets:
          lan: {cidr: 10.0.0.0/24}
        hosts:
          n1: {ifaces: {eth0: {subnet: lan, address: 10.0.0.1}}}
          n2: {ifaces: {eth0: {subnet: lan, address: 10.0.0.2}}}
          n3: {ifaces: {eth0: {subnet: lan, address: 10.0.0.3}}}
        kvdbs:
          a: {engine: etcd, version: "3.5", run: host, members: [n1, n2, n3]}
          b: {engine: etcd, version: "3.5", run: container, image: "quay.io/coreos/etcd:v3.5.9", members: [n1, n2, n3], network: host}

        """
        let d = try #require(lint(spec).first { $0.rule == "port-conflict" })
        #expect(d.message.contains("on hosts n1, n2 and n3 is taken twice"), "\(d.message)")
        #expect(d.message.contains("(on each host's address)"), "\(d.message)")
    }
}
