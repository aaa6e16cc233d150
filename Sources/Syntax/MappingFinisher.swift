import Diagnostics

/// What happens when a mapping closes: duplicate keys are reported and merge
/// keys (`<<: *anchor`) applied. A fleet spec merges an anchor into every one of
/// its hosts, so the common case (a few keys, one small merged mapping) neither
/// hashes nor allocates more than the finished mapping itself.
extension TreeBuilder {
    /// Applies merge keys and reports duplicate keys. Written keys override merged
    /// ones wherever they appear; merged keys take the place of their `<<` entry;
    /// among several merged mappings the earlier one wins, as YAML's merge says.
    /// Works in place: a host's `{<<: *defaults, ifaces: ...}` becomes its
    /// finished mapping without a second array.
    mutating func finishMapping(_ pairs: inout [Pair], hasMerge: Bool) {
        let duplicates = findDuplicates(pairs)
        if !duplicates.isEmpty {
            let drop = Set(duplicates)
            pairs = pairs.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
        }
        if hasMerge { applyMerges(&pairs) }
    }

    mutating func applyMerges(_ pairs: inout [Pair]) {
        // Keys taken so far are the written ones (they override) and the merged
        // ones accepted so far. As merges are applied in place, those are exactly
        // the entries of `pairs` that are not merge keys: small mappings scan
        // them, large ones keep a hashed set.
        var bound = 0
        for pair in pairs {
            guard TreeBuilder.isMergeKey(pair.key) else { bound += 1; continue }
            switch pair.value.content {
            case .mapping(let source): bound += source.count
            case .sequence(let items): for item in items { bound += item.mapping?.count ?? 0 }
            case .scalar: break
            }
        }
        var takenSet: Set<String>? = nil
        if bound > 12 {
            var set = Set<String>(minimumCapacity: bound)
            for pair in pairs where !TreeBuilder.isMergeKey(pair.key) {
                if let name = pair.key.scalar { set.insert(name) }
            }
            takenSet = set
        }
        var i = 0
        while i < pairs.count {
            let merge = pairs[i]
            guard TreeBuilder.isMergeKey(merge.key) else { i += 1; continue }
            // The merged entries replace the `<<` entry at `i`.
            var end = i
            switch merge.value.content {
            case .mapping(let source):
                TreeBuilder.merge(source, into: &pairs, replacing: i, end: &end, taken: &takenSet)
            case .sequence(let items) where items.allSatisfy({ $0.mapping != nil }):
                for item in items { TreeBuilder.merge(item.mapping ?? [], into: &pairs, replacing: i, end: &end, taken: &takenSet) }
            default:
                diagnostics.append(Diagnostic(.error, rule: SyntaxRules.yamlSyntax.name,
                    "a merge key `<<` takes a mapping or a list of mappings, not \(merge.value.kindDescription)",
                    at: merge.value.location))
            }
            if end == i { pairs.remove(at: i) }
            i = end
        }
    }

    /// Puts the entries of one merged mapping whose keys are not taken yet at
    /// `end`: the first over the `<<` entry at `slot`, the next ones after it.
    static func merge(_ source: [Pair], into pairs: inout [Pair], replacing slot: Int, end: inout Int, taken: inout Set<String>?) {
        for p in source {
            if let name = p.key.scalar {
                if taken != nil {
                    guard taken!.insert(name).inserted else { continue }
                } else if writes(name, pairs) {
                    continue
                }
            }
            if end == slot { pairs[slot] = p } else { pairs.insert(p, at: end) }
            end += 1
        }
    }

    /// Whether `pairs` has an entry (other than a merge) with the key `name`.
    static func writes(_ name: String, _ pairs: [Pair]) -> Bool {
        pairs.contains { !isMergeKey($0.key) && sameKey($0.key.scalar, name) }
    }

    /// String equality that settles most unequal keys on their length, before
    /// the full comparison (which is a call into the runtime when they differ).
    @inline(__always)
    static func sameKey(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        return a.utf8.count == b.utf8.count && a == b
    }

    static func isMergeKey(_ key: Node) -> Bool {
        key.isPlain && key.scalar == "<<"
    }

    /// Indexes of written keys that repeat an earlier one, each reported with a
    /// note at the first: linear for small mappings, hashed for large ones (a
    /// fleet's `hosts:` has thousands of entries).
    mutating func findDuplicates(_ pairs: [Pair]) -> [Int] {
        var duplicates: [Int] = []
        if pairs.count <= 12 {
            for i in pairs.indices {
                guard let name = pairs[i].key.scalar else { continue }
                var j = 0
                while j < i {
                    if TreeBuilder.sameKey(pairs[j].key.scalar, name) {
                        report(duplicate: name, at: pairs[i].key.location, first: pairs[j].key.location)
                        duplicates.append(i)
                        break
                    }
                    j += 1
                }
            }
            return duplicates
        }
        var first: [String: Int] = [:]
        first.reserveCapacity(pairs.count)
        for i in pairs.indices {
            guard let name = pairs[i].key.scalar else { continue }
            if let j = first[name] {
                report(duplicate: name, at: pairs[i].key.location, first: pairs[j].key.location)
                duplicates.append(i)
            } else {
                first[name] = i
            }
        }
        return duplicates
    }

    mutating func report(duplicate name: String, at location: SourceLocation, first: SourceLocation) {
        diagnostics.append(Diagnostic(.error, rule: SyntaxRules.duplicateKey.name,
            "duplicate key '\(name)' in this mapping", at: location,
            notes: [Note("'\(name)' first appears here", at: first)]))
    }
}
