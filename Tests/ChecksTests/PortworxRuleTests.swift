import Diagnostics
import Testing
@testable import Checks

@Suite struct PortworxRuleTests {
    func spec(storage: String, hosts: String = "", base: String = header) -> String {
        base + portworxSection(hosts: hosts, storage: storage)
    }

    /// The header's hosts without their `devices`.
    let bare = header.replacingOccurrences(of: ", devices: [/dev/sdb]", with: "")

    @Test func noStorageAnywhere() throws {
        let s = spec(storage: "{force: false}", base: bare)
        let found = try lint(s)
        try expectOne(found, "portworx-storage-missing", .error, at: at("{force: false}", in: s))
        // Said once, not again per host.
        #expect(found.of("portworx-devices-missing").isEmpty)
    }

    @Test func hostDevicesAreStorage() throws {
        #expect(try lint(spec(storage: "{force: false}")).of("portworx-storage-missing").isEmpty)
        #expect(try lint(spec(storage: "{all_devices: true}", base: bare)).of("portworx-storage-missing").isEmpty)
        #expect(try lint(spec(storage: "{zero_storage: true}", base: bare)).of("portworx-storage-missing").isEmpty)
    }

    @Test func zeroStorageWithDevices() throws {
        let s = spec(storage: "{all_devices: true, devices: [/dev/sdc], zero_storage: true}")
        let d = try expectOne(try lint(s), "portworx-zero-storage-conflict", .warning, at: at("zero_storage: true", in: s, skip: 14))
        expectNote(d, at: at("all_devices: true", in: s, skip: 13))
        expectNote(d, at: at("/dev/sdc", in: s))
        #expect(d.message.contains("contradicts all_devices and devices (-a, -s)"))
    }

    @Test func zeroStorageAlonePasses() throws {
        #expect(try lint(spec(storage: "{zero_storage: true}")).of("portworx-zero-storage-conflict").isEmpty)
        #expect(try lint(spec(storage: "{all_devices: true, zero_storage: false}")).of("portworx-zero-storage-conflict").isEmpty)
    }

    @Test func forceFormat() throws {
        let s = spec(storage: "{all_devices: true, force: true}")
        let d = try expectOne(try lint(s), "portworx-force-format", .warning, at: at("force: true", in: s, skip: 7))
        #expect(d.message.contains("every unused drive"))
    }

    @Test func noForcePasses() throws {
        #expect(try lint(spec(storage: "{all_devices: true, force: false}")).of("portworx-force-format").isEmpty)
    }

    @Test func tooFewNodes() throws {
        let s = spec(storage: "{all_devices: true}", hosts: "[n1, n2]")
        let d = try expectOne(try lint(s), "portworx-min-nodes", .warning, at: at("[n1, n2]", in: s))
        #expect(d.message.contains("2 hosts (n1 and n2)"))
    }

    @Test func threeNodesPass() throws {
        #expect(try lint(spec(storage: "{all_devices: true}")).of("portworx-min-nodes").isEmpty)
    }

    @Test func aHostWithoutDevices() throws {
        let base = header.replacingOccurrences(of: "address: 10.0.6.12}}, devices: [/dev/sdb]}", with: "address: 10.0.6.12}}}")
        let s = spec(storage: "{force: false}", base: base)
        let d = try expectOne(try lint(s), "portworx-devices-missing", .error, at: at("n2:", in: s))
        #expect(d.message.contains("Portworx host n2 lists no devices"))
        expectNote(d, at: at("{force: false}", in: s))
        #expect(try lint(s).of("portworx-storage-missing").isEmpty)
    }

    @Test func devicesFromStorageCoverEveryHost() throws {
        let base = header.replacingOccurrences(of: "address: 10.0.6.12}}, devices: [/dev/sdb]}", with: "address: 10.0.6.12}}}")
        #expect(try lint(spec(storage: "{devices: [/dev/sdc]}", base: base)).of("portworx-devices-missing").isEmpty)
        #expect(try lint(spec(storage: "{force: false}")).of("portworx-devices-missing").isEmpty)
    }

    @Test func portworxHostOutsideExplicitDockerHosts() throws {
        let s = spec(storage: "{all_devices: true}") + "docker:\n  hosts: [n1]\n"
        let d = try expectOne(try lint(s), "portworx-without-docker", .error, at: at("[n1]", in: s))
        #expect(d.message.contains("Portworx hosts n2 and n3"))
        expectNote(d, at: at("image: portworx", in: s))
    }

    @Test func portworxHostsInsideDockerHostsPass() throws {
        #expect(try lint(spec(storage: "{all_devices: true}") + "docker:\n  hosts: all\n").of("portworx-without-docker").isEmpty)
        #expect(try lint(spec(storage: "{all_devices: true}", hosts: "[n1]") + "docker:\n  hosts: [n1]\n").of("portworx-without-docker").isEmpty)
    }
}
