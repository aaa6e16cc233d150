/// The tab-separated arguments of each kind of oracle case (after the kind letter).
extension IPCaseGenerator {
    static func allOnes(width: Int) -> UInt128 { mask(prefix: width, width: width) }

    /// `address/prefix`: half with host bits set, some with prefixes too long.
    mutating func networkParseCase() -> String {
        let a = address()
        var p = prefix(width: a.width)
        if chance(0.08) { p = pick([a.width + 1, a.width + 2, 200, 999, 1000, 99999]) }
        let bits = chance(0.5) ? a.bits & IPCaseGenerator.mask(prefix: min(p, a.width), width: a.width) : a.bits
        return render(Raw(isV4: a.isV4, bits: bits)) + "/\(p)"
    }

    /// `network \t address`: inside, at and just past both ends, other family, random.
    mutating func containsCase() -> String {
        let isV4 = chance(0.4)
        let (n, p) = network(isV4: isV4)
        let top = IPCaseGenerator.allOnes(width: n.width)
        let hostMask = ~IPCaseGenerator.mask(prefix: p, width: n.width) & top
        let last = n.bits | hostMask
        let a: Raw
        switch int(0...9) {
        case 0...3: a = Raw(isV4: isV4, bits: n.bits | (bits(width: n.width) & hostMask))
        case 4: a = Raw(isV4: isV4, bits: pick([n.bits, last]))
        case 5: a = Raw(isV4: isV4, bits: pick([(last &+ 1) & top, (n.bits &- 1) & top]))
        case 6: a = address(isV4: !isV4)
        default: a = address(isV4: isV4)
        }
        return "\(render(n))/\(p)\t\(render(a))"
    }

    /// `network \t network`: nested either way, adjacent, other family, random.
    mutating func overlapsCase() -> String {
        let isV4 = chance(0.4)
        let (a, p) = network(isV4: isV4)
        let other: String
        switch int(0...9) {
        case 0...3:
            // Same neighbourhood: a's address with random low bits at another prefix.
            let q = prefix(width: a.width)
            let hostMask = ~IPCaseGenerator.mask(prefix: p, width: a.width)
            let near = (a.bits | (bits(width: a.width) & hostMask)) & IPCaseGenerator.mask(prefix: q, width: a.width)
            other = render(Raw(isV4: isV4, bits: near)) + "/\(q)"
        case 4 where p > 0:
            // The adjacent range of the same size.
            let size = UInt128(1) << UInt128(a.width - p)
            other = render(Raw(isV4: isV4, bits: (a.bits &+ size) & IPCaseGenerator.allOnes(width: a.width))) + "/\(p)"
        case 5: other = networkText(isV4: !isV4)
        default: other = networkText(isV4: isV4)
        }
        return "\(render(a))/\(p)\t\(other)"
    }

    /// `network \t length \t index`: lengths in and out of range, first, last and
    /// one-past-last indexes, random ones, and some past the islice limit of 512.
    mutating func subnetCase() -> String {
        let isV4 = chance(0.4)
        let (n, p) = network(isV4: isV4)
        let length = pick([p, p + 1, p - 1, n.width, n.width + 1, int(p...n.width), int(p...n.width)])
        let span = length - p
        let count: UInt128? = span >= 0 && span < 128 ? UInt128(1) << UInt128(span) : nil
        var index: UInt128 = pick([0, 1, 2, 255, 511, 512])
        if let count, chance(0.6) {
            index = pick([count - 1, count, bits(width: 128) % count])
        }
        return "\(render(n))/\(p)\t\(length)\t\(index)"
    }
}
