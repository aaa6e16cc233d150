import Diagnostics
import Model

/// Portworx is given no storage at all.
enum PortworxStorageMissingRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "portworx-storage-missing", severity: .error,
        summary: "Portworx has no storage: no all_devices, no zero_storage, no storage.devices and no host devices.",
        explanation: """
        What: `portworx.storage` sets none of all_devices, zero_storage or devices, and no \
        Portworx host lists `devices`.
        Why: Portworx needs one of -a (all unused devices), -s <device> or -z \
        (a storage-less node); with none of them it refuses to start.
        Fix: list each host's block devices under `devices:`, set \
        `storage: {devices: [...]}` for all hosts, or `all_devices: true`.
        Example: `storage: {force: true}` -> `storage: {all_devices: true}`.
        """)

    static func hasStorageFlag(_ s: PortworxStorage) -> Bool {
        s.allDevices?.value == true || s.zeroStorage?.value == true || !(s.devices ?? []).isEmpty
    }

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let p = c.topology.portworx, !hasStorageFlag(p.storage) else { return [] }
        let hosts = c.positions(p.hosts)
        guard !hosts.contains(where: { !c.topology.hosts[$0].devices.isEmpty }) else { return [] }
        return [finding("Portworx has no storage: set all_devices: true, list storage.devices, or give the Portworx hosts devices; without -a, -s or -z Portworx refuses to start",
                        at: p.storage.location)]
    }
}
