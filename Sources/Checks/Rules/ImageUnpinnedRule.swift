import Diagnostics
import Model
import Values

/// An image without a tag, or with `latest`, and no digest.
enum ImageUnpinnedRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "image-unpinned", severity: .warning,
        summary: "An image has no tag, or the tag latest, and no digest.",
        explanation: """
        What: a kvdb, Portworx, ECS agent or ECS service image without a tag or with \
        `latest`, and no @sha256 digest. The ECS agent's default image is \
        amazon/amazon-ecs-agent:latest.
        Why: an untagged image means :latest, which moves: hosts that pull at different \
        times run different versions, a rebuilt host silently upgrades, and a plan that \
        worked yesterday may not today. topoc's outputs are reproducible only if the \
        images are.
        Fix: pin a version tag (or a digest) you have tested.
        Example: `image: portworx/px-enterprise` -> `portworx/px-enterprise:2.13.12`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        let t = c.topology
        var images: [(what: String, image: Located<ImageReference>, isDefault: Bool)] = []
        for k in t.kvdbs { if let i = k.runSpec?.image { images.append(("kvdb '\(k.name.value)'", i, false)) } }
        if let p = t.portworx { images.append(("Portworx", p.image, false)) }
        if let e = t.ecs {
            // The default image carries the ecs section's location; point at the
            // agent's own settings when they are written.
            let isDefault = e.agent.image.location == e.location
            images.append(("the ECS agent", isDefault ? Located(e.agent.image.value, at: e.agent.location) : e.agent.image, isDefault))
            for s in e.services { images.append(("service '\(s.name.value)'", s.image, false)) }
        }
        return images.compactMap { entry in
            let image = entry.image.value
            guard !image.isPinned else { return nil }
            let state = image.tag == nil ? "has no tag, so it means :latest" : "is tagged latest"
            let whose = entry.isDefault ? "the default image \(image) of \(entry.what)" : "image \(image) of \(entry.what)"
            return finding("\(whose) \(state): hosts pulling at different times run different versions; pin a tested tag or digest (\(image.repository):<version>)",
                           at: entry.image.location)
        }
    }
}
