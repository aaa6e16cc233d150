/// Generates the random cases of the IP oracle test: addresses of both families
/// (random and edge values, v4-mapped, many zero groups), written in every legal
/// text form (upper case, padded groups, `::` over any zero run, dotted tails),
/// networks with and without host bits, and mutated strings most of which are
/// invalid. It renders text itself, never through the code under test.
struct IPCaseGenerator {
    private var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// An address as the oracle input sees it: a family and a number.
    struct Raw {
        let isV4: Bool
        let bits: UInt128
        var width: Int { isV4 ? 32 : 128 }
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func bits(width: Int) -> UInt128 {
        let value = UInt128(rng.next()) << 64 | UInt128(rng.next())
        return width == 128 ? value : value & ((1 << width) - 1)
    }

    static func mask(prefix: Int, width: Int) -> UInt128 {
        let all: UInt128 = width == 128 ? ~0 : (1 << width) - 1
        let hostBits = width - prefix
        return hostBits >= 128 ? 0 : (all >> hostBits) << hostBits
    }

    // MARK: addresses

    mutating func v4() -> Raw {
        switch int(0...9) {
        case 0: return Raw(isV4: true, bits: pick([0, 0xFFFF_FFFF, 0x7F00_0001, 0x0A00_0000, 0xAC11_0000]))
        case 1...4:
            let octets = (0..<4).map { _ in pick([0, 1, 10, 127, 128, 254, 255, UInt128(int(0...255))]) }
            return Raw(isV4: true, bits: octets.reduce(0) { $0 << 8 | $1 })
        default: return Raw(isV4: true, bits: bits(width: 32))
        }
    }

    mutating func v6() -> Raw {
        switch int(0...11) {
        case 0: return Raw(isV4: false, bits: pick([0, 1, UInt128.max, UInt128(0xfe80) << 112, UInt128(0xfd) << 120]))
        case 1, 2: return Raw(isV4: false, bits: 0xFFFF << 32 | bits(width: 32))   // v4-mapped
        case 3: return Raw(isV4: false, bits: bits(width: 32))                      // v4-compatible
        case 4: return Raw(isV4: false, bits: UInt128(0x2001_0db8) << 96 | bits(width: 64))
        case 5...9:
            // Many zero groups, so every compression rule (longest run, first of
            // equal runs, never a single group) gets exercised.
            var value: UInt128 = 0
            for _ in 0..<8 {
                let group: UInt128 = chance(0.45) ? 0 : pick([0xFFFF, UInt128(int(1...15)), UInt128(int(0...0xFFFF))])
                value = value << 16 | group
            }
            return Raw(isV4: false, bits: value)
        default: return Raw(isV4: false, bits: bits(width: 128))
        }
    }

    mutating func address(isV4: Bool) -> Raw { isV4 ? v4() : v6() }
    mutating func address() -> Raw { address(isV4: chance(0.4)) }

    static func dotted(_ value: UInt128) -> String {
        (0..<4).map { String((value >> (24 - 8 * UInt128($0))) & 0xFF) }.joined(separator: ".")
    }

    /// Any text form that RFC 4291 allows for the address.
    mutating func render(_ raw: Raw) -> String {
        if raw.isV4 { return IPCaseGenerator.dotted(raw.bits) }
        let groups = (0..<8).map { Int((raw.bits >> (112 - 16 * UInt128($0))) & 0xFFFF) }
        let isMapped = raw.bits >> 32 == 0xFFFF
        let dottedTail = chance(isMapped ? 0.7 : 0.12)
        let upper = chance(0.2), pad = chance(0.2)
        let hexCount = dottedTail ? 6 : 8
        var texts: [String] = []
        for g in groups[0..<hexCount] {
            var t = String(g, radix: 16, uppercase: upper)
            if pad { t = String(repeating: "0", count: int(t.count...4) - t.count) + t }
            texts.append(t)
        }
        let tail = dottedTail ? [IPCaseGenerator.dotted(raw.bits & 0xFFFF_FFFF)] : []
        // Compress a random stretch of some zero run (not necessarily the longest).
        let zeroIndexes = (0..<hexCount).filter { groups[$0] == 0 }
        guard !zeroIndexes.isEmpty, chance(0.75) else { return (texts + tail).joined(separator: ":") }
        let start = pick(zeroIndexes)
        var end = start + 1
        while end < hexCount && groups[end] == 0 && chance(0.8) { end += 1 }
        let head = texts[0..<start].joined(separator: ":")
        let rest = (Array(texts[end...]) + tail).joined(separator: ":")
        return head + "::" + rest
    }

    // MARK: networks

    mutating func prefix(width: Int) -> Int {
        switch int(0...5) {
        case 0: return pick([0, 1, width - 1, width])
        case 1: return width == 32 ? pick([8, 16, 24, 30]) : pick([8, 32, 48, 64, 96, 104, 120])
        default: return int(0...width)
        }
    }

    /// A valid network: random address with its host bits cleared.
    mutating func network(isV4: Bool) -> (raw: Raw, prefix: Int) {
        let a = address(isV4: isV4)
        let p = prefix(width: a.width)
        return (Raw(isV4: isV4, bits: a.bits & IPCaseGenerator.mask(prefix: p, width: a.width)), p)
    }

    mutating func networkText(isV4: Bool) -> String {
        let n = network(isV4: isV4)
        return render(n.raw) + "/\(n.prefix)"
    }

    // MARK: mutation

    /// One to three random edits; the alphabet holds every byte that matters
    /// to the grammars plus a few that never belong (space, `%`, `x`, non-ASCII digits).
    mutating func mutate(_ text: String) -> String {
        let alphabet: [Character] = Array(":.:./%0123456789aAfFgx -+") + ["١", "０"]
        var chars = Array(text)
        for _ in 0..<int(1...3) {
            let position = chars.isEmpty ? 0 : int(0...(chars.count - 1))
            switch int(0...5) {
            case 0 where !chars.isEmpty: chars.remove(at: position)
            case 1 where !chars.isEmpty: chars[position] = pick(alphabet)
            case 2 where !chars.isEmpty:
                let end = min(chars.count, position + int(1...4))
                chars.insert(contentsOf: chars[position..<end], at: position)
            case 3 where chars.count > 1 && position + 1 < chars.count:
                chars.swapAt(position, position + 1)
            case 4: chars.insert("0", at: position)
            default: chars.insert(pick(alphabet), at: position)
            }
        }
        return String(chars)
    }
}
