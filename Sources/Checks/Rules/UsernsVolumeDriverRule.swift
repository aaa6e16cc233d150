import Diagnostics
import Model

/// External volume drivers under a remapping daemon.
enum UsernsVolumeDriverRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "userns-volume-driver", severity: .warning,
        summary: "An external volume driver (Portworx's pxd, or an ECS volume's driver) runs on hosts that remap user namespaces.",
        explanation: """
        What: userns_remap is on and Portworx, or an ECS volume with a driver other than \
        local, is used on remapped hosts.
        Why: external volume drivers are not aware of the remapping: files they create \
        belong to real root, which remapped containers see as nobody, so a container may \
        not write its own volume. Also, images pulled before remapping was turned on are \
        hidden afterwards (the daemon keeps them under a different root).
        Fix: test volume writes from a remapped container; set ownership in the volume \
        for the remapped range (subordinate_ids start), or leave the storage hosts \
        out of the remapping. Pull images again after enabling it.
        Example: the flannel-userns scenario: Portworx volumes on remapped nodes.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let d = c.topology.docker, let remap = d.usernsRemap else { return [] }
        var drivers: [String] = []
        var notes: [Note] = []
        // Marks by position, read back in file order: a fleet's union costs no
        // hashing and no sort.
        var hosts = [Bool](repeating: false, count: c.topology.hosts.count)
        if let p = c.topology.portworx {
            let on = c.remappedPortworxHosts
            if !on.isEmpty {
                drivers.append("Portworx's pxd driver")
                notes.append(Note("Portworx runs on remapped hosts because of this", at: p.location))
                for h in on { hosts[h] = true }
            }
        }
        if let e = c.topology.ecs {
            let on = c.remappedECSHosts
            if !on.isEmpty {
                for v in e.volumes {
                    guard let driver = v.driver, driver.value != "local" else { continue }
                    drivers.append("ECS volume '\(v.name.value)' (driver \(driver.value))")
                    notes.append(Note("ECS volume '\(v.name.value)' uses driver \(driver.value) here", at: driver.location))
                    for h in on { hosts[h] = true }
                }
            }
        }
        guard !drivers.isEmpty else { return [] }
        let names = c.names(hosts.indices.filter { hosts[$0] })
        return [finding("user namespaces are remapped on \(Phrases.hosts(names)), where \(Phrases.list(drivers)) \(drivers.count == 1 ? "is" : "are") used: external volume drivers are not aware of the remapping, so remapped containers may not own their volumes' files; test writes from a container, and pull images again after enabling remapping (earlier ones are hidden)",
                        at: remap.location, notes: notes)]
    }
}
