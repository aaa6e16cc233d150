import Diagnostics
import Model

/// zero_storage together with device options.
enum PortworxZeroStorageConflictRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "portworx-zero-storage-conflict", severity: .warning,
        summary: "zero_storage is set together with all_devices or devices.",
        explanation: """
        What: `storage.zero_storage: true` with `all_devices: true` or `devices`.
        Why: -z makes a node that contributes no storage; -a and -s give it storage. \
        The flags contradict each other and which one Portworx honours is up to its \
        version. The guide's ECS example passes -a -z -f together.
        Fix: decide: storage nodes (drop zero_storage) or storage-less nodes (drop \
        all_devices and devices).
        Example: `{all_devices: true, zero_storage: true}` -> `{all_devices: true}`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let s = c.topology.portworx?.storage, let z = s.zeroStorage, z.value else { return [] }
        var notes: [Note] = []
        if let a = s.allDevices, a.value { notes.append(Note("all_devices (-a) is set here", at: a.location)) }
        if let d = s.devices, let first = d.first { notes.append(Note("devices (-s) are listed here", at: first.location)) }
        guard !notes.isEmpty else { return [] }
        let other = notes.count == 2 ? "all_devices and devices (-a, -s)" : (s.allDevices?.value == true ? "all_devices (-a)" : "devices (-s)")
        return [finding("zero_storage (-z) makes storage-less Portworx nodes, which contradicts \(other): drop zero_storage for storage nodes, or drop \(other)",
                        at: z.location, notes: notes)]
    }
}
