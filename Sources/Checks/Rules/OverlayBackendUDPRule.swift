import Diagnostics
import Model

/// The overlay uses flannel's debugging backend.
enum OverlayBackendUDPRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "overlay-backend-udp", severity: .warning,
        summary: "The overlay uses flannel's udp backend, which is meant for debugging.",
        explanation: """
        What: `overlay.backend` is udp, or is left out (flannel's default is udp).
        Why: the udp backend copies every packet through flanneld in user space: slow, \
        CPU-hungry, and every container connection depends on that one process. flannel \
        documents it for debugging and old kernels only; vxlan does the same in the \
        kernel. The guide's MTU of 1472 (1500 - 28) shows it ran udp.
        Fix: `backend: vxlan` (or host-gw when all overlay hosts share one L2 segment).
        Example: `backend: udp` -> `backend: vxlan`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let o = c.topology.overlay, o.backend.value == .udp else { return [] }
        let what = o.backend.location == o.location ? "the overlay gives no backend, so flannel uses udp, its debugging backend" : "backend udp is flannel's debugging backend"
        return [finding("\(what): it moves every packet through flanneld in user space; use backend: vxlan", at: o.backend.location)]
    }
}
