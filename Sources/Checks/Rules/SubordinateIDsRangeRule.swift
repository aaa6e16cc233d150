import Diagnostics
import Model

/// A subordinate uid/gid range that cannot serve the remapped user.
enum SubordinateIDsRangeRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "subordinate-ids-range", severity: .error,
        summary: "docker.subordinate_ids is too small, runs past the largest uid, or overlaps ordinary uids.",
        explanation: """
        What: `subordinate_ids` has a count below 65536, ends past 4294967294, or starts \
        below 100000.
        Why: the remapped user's /etc/subuid and /etc/subgid range maps container uids \
        0..count-1; images use uids up to 65535 (nobody is 65534), so fewer than 65536 \
        makes their files unmappable and layers fail to unpack. 4294967295 is (uid_t)-1, \
        never a valid id. Below 100000 the range overlaps ordinary users (useradd hands \
        out uids up to 60000) and the ranges useradd itself allocates from 100000 \
        (SUB_UID_MIN): container root would own a real user's files. topoc requires the \
        start to be at least 100000.
        Fix: `{start: 100000 or more, count: 65536}`; the guide's 500000 is fine.
        Example: `{start: 1000, count: 65536}` -> `{start: 500000, count: 65536}`.
        """)

    static let minimumCount = 65536
    static let minimumStart = 100_000
    static let maximumID = 4_294_967_294

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let ids = c.topology.docker?.subordinateIDs else { return [] }
        let start = ids.start.value, count = ids.count.value
        var out: [Diagnostic] = []
        if count < minimumCount {
            out.append(finding("subordinate_ids count \(count) is below 65536: container uids up to 65535 (used by images, e.g. nobody = 65534) could not be mapped; use count: 65536", at: ids.count.location))
        }
        if start + count - 1 > maximumID {
            out.append(finding("subordinate_ids \(start)+\(count) ends at \(start + count - 1), past the largest uid 4294967294: lower start to at most \(maximumID - count + 1)", at: ids.count.location,
                               notes: [Note("the range starts here", at: ids.start.location)]))
        }
        if start < minimumStart {
            out.append(finding("subordinate_ids start \(start) is below 100000, where ordinary users' uids and useradd's own subordinate ranges live: container root would own a real user's files; start at 100000 or above (e.g. 500000)", at: ids.start.location))
        }
        return out
    }
}
