import Diagnostics
import Model

/// Portworx may reformat drives.
enum PortworxForceFormatRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "portworx-force-format", severity: .warning,
        summary: "storage.force is on: Portworx reformats drives that hold a filesystem.",
        explanation: """
        What: `storage.force: true` passes -f to Portworx.
        Why: -f makes Portworx use drives even when they already hold a filesystem, \
        formatting them; with all_devices that is every unused-looking drive of the \
        host. A wrong device list or a reused machine loses data without a prompt.
        Fix: drop force once the drives are known to be blank, or list exact devices.
        Example: `{all_devices: true, force: true}` -> `{all_devices: true}`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let s = c.topology.portworx?.storage, let f = s.force, f.value else { return [] }
        let scope = s.allDevices?.value == true ? "every unused drive of every Portworx host (all_devices)" : "the listed drives"
        return [finding("force (-f) lets Portworx format \(scope) even if it holds a filesystem: any data on them is lost; drop force unless the drives are known to be blank",
                        at: f.location)]
    }
}
