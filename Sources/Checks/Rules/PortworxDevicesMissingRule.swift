import Diagnostics
import Model

/// A Portworx host that would be started with no -s device.
enum PortworxDevicesMissingRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "portworx-devices-missing", severity: .error,
        summary: "Portworx takes devices per host (-s), and a Portworx host lists none.",
        explanation: """
        What: `storage` sets neither all_devices, zero_storage nor devices, so each \
        host's own `devices` become its -s flags; this host lists none while others do.
        Why: Portworx on that host would start with no storage option and refuse to \
        run, leaving the cluster a node short.
        Fix: add `devices: [/dev/...]` to the host, or take it out of `portworx.hosts`.
        Example: `node3: {ifaces: ...}` -> `node3: {ifaces: ..., devices: [/dev/sdb]}`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let p = c.topology.portworx, !PortworxStorageMissingRule.hasStorageFlag(p.storage) else { return [] }
        let hosts = c.positions(p.hosts).map { c.topology.hosts[$0] }
        // With no devices anywhere portworx-storage-missing says it once.
        guard hosts.contains(where: { !$0.devices.isEmpty }) else { return [] }
        return hosts.filter { $0.devices.isEmpty }.map { h in
            finding("Portworx host \(h.name.value) lists no devices, and storage gives none (no all_devices, devices or zero_storage): Portworx would refuse to start there; add devices: [/dev/...] to \(h.name.value)",
                    at: h.devicesLocation ?? h.name.location,
                    notes: [Note("portworx storage is set here", at: p.storage.location)])
        }
    }
}
