import Testing
@testable import Values

/// The validators and parsers scan UTF-8 bytes in place. These tests hold them
/// to the generic-iterator implementations they replaced (kept below verbatim as
/// the reference), on hand-picked edge cases and on seeded random strings built
/// from the bytes and scalars that matter: digits, separators, non-ASCII digits,
/// combining marks and prepended marks that fuse with a `/` into one Character.
@Suite struct ByteScanTests {
    static let edgeCases: [String] = [
        "", ".", ":", "/", "::", ":::", "::/0", "0", "00", "a", "-", "a-", "-a",
        "1.2.3.4", "01.2.3.4", "1.2.3.04", "0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5",
        "1..2.3", ".1.2.3", "1.2.3.", "1234.1.1.1", "1.2.3.4/32", "1.2.3.4/", "/32", "1.2.3.0/24", "1.2.3.4/24",
        "1.2.3.4/033", "1.2.3.4/33", "1.2.3.4/999", "1.2.3.4/1000", "10.0.0.0/8/8",
        "١.٢.٣.٤", "١٠.٠.٠.١", "１.２.３.４", "1.2.3.４", "10.0.0.0/２４", "10.0.0.0/٢٤", "::/１２８",
        "10.0.0.0/\u{301}24", "10.0.0.0\u{301}/24", "10.0.0.0\u{600}/24", "\u{600}/24", "1.2.3.4\u{301}",
        "/dev/sda\u{301}", "/dev/\u{600}/", "/dev/sda/\u{301}", "/\u{301}dev/sda", "/dev/sda\r\n", "/a\r\n/b",
        "::1", "fe80::1", "fe80::1%eth0", "fe80::1%eth0/64", "::ffff:1.2.3.4", "::ffff:1.2.3.04", "1::2::3",
        "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "1:2:3:4:5:6:7::8",
        "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4", "1.2.3.4::", "1:", ":1", "1::", "12345::",
        "FFFF::fffF", "fd00::/8", "FD00:0:0::/64", "::ffff:10.0.0.0/104", "0:0:0:0:0:0:0:0",
        String(repeating: "1", count: 46), String(repeating: "1:", count: 23), "1" + String(repeating: ".1", count: 40),
        String(repeating: "a", count: 63), String(repeating: "a", count: 64), String(repeating: "a", count: 10_000),
        "/" + String(repeating: "a", count: 4095), "/" + String(repeating: "a", count: 4096),
        "/dev/xvdf", "/dev/", "/dev", "/dev/sdb/", "/dev/../x", "/dev/a", "/devx/a", "eth0", "eth0.100", "veth@if2",
        "é", "aé", "h0", "px-etcd", "a\0", "\0", "1.2.3.4\0",
    ]

    static let alphabet: [String] = [
        "0", "1", "2", "5", "9", "0", "1", ".", ".", ":", ":", "/", "/", "a", "f", "F", "g", "x", "-", "%", "_", "@",
        "d", "e", "v", "٣", "３", "\u{301}", "\u{600}", "é", "\r\n", " ", "\0",
    ]

    static let octets = ["0", "1", "9", "10", "99", "127", "255", "256", "01", "00", "1000", "0255", "2555", "25", "250", "259", "300", "", "٣", "１"]
    static let groups = ["0", "1", "ff", "FFFF", "abcd", "0db8", "12345", "", "g", "١"]
    static let prefixes = ["0", "1", "8", "16", "24", "31", "32", "33", "64", "104", "128", "129", "08", "", "２"]

    /// Character soup, and near misses: well-formed quads, groups and CIDRs
    /// built from tokens, some with one element inserted, removed or replaced.
    static func randomCases(count: Int, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { k in
            var s: String
            switch k % 3 {
            case 0:
                let length = Int.random(in: 0...20, using: &rng)
                s = Int.random(in: 0..<4, using: &rng) == 0 ? "/dev/" : ""
                for _ in 0..<length { s += alphabet.randomElement(using: &rng)! }
                return s
            case 1:
                s = (0..<4).map { _ in octets.randomElement(using: &rng)! }.joined(separator: ".")
            default:
                var parts = (0..<Int.random(in: 1...9, using: &rng)).map { _ in groups.randomElement(using: &rng)! }
                if Int.random(in: 0..<3, using: &rng) == 0 { parts[parts.count - 1] = "1.2.3.4" }
                s = parts.joined(separator: ":")
                if Int.random(in: 0..<2, using: &rng) == 0 {
                    let at = Int.random(in: 0...s.count, using: &rng)
                    s.insert(contentsOf: "::", at: s.index(s.startIndex, offsetBy: at))
                }
            }
            if Int.random(in: 0..<2, using: &rng) == 0 { s += "/" + prefixes.randomElement(using: &rng)! }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                var chars = Array(s)
                let at = Int.random(in: 0...chars.count, using: &rng)
                let piece = Character(alphabet.randomElement(using: &rng)!)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: chars.insert(piece, at: at)
                case 1: if at < chars.count { chars.remove(at: at) }
                default: if at < chars.count { chars[at] = piece }
                }
                s = String(chars)
            }
            return s
        }
    }

    static var allCases: [String] { edgeCases + randomCases(count: 20_000, seed: 0x7090C) }

    /// Each case as a String and as a Substring that does not start at the
    /// start of its base (so a scan that ignores the substring's bounds fails).
    private func forms(_ s: String, _ check: (Substring) -> Void) {
        check(Substring(s))
        let wrapped = "1" + s + "1"
        check(wrapped.dropFirst().dropLast())
    }

    @Test func namesMatchTheReference() {
        for s in Self.allCases {
            #expect(Names.isName(s) == Reference.isName(s), "\(s.debugDescription)")
            #expect(Names.isIfaceName(s) == Reference.isIfaceName(s), "\(s.debugDescription)")
            #expect(Names.isAbsolutePath(s) == Reference.isAbsolutePath(s), "\(s.debugDescription)")
            #expect(Names.isDevicePath(s) == Reference.isDevicePath(s), "\(s.debugDescription)")
            forms(s) { sub in
                #expect(Names.isName(sub) == Reference.isName(sub), "\(sub.debugDescription)")
                #expect(Names.isIfaceName(sub) == Reference.isIfaceName(sub), "\(sub.debugDescription)")
                #expect(Names.isAbsolutePath(sub) == Reference.isAbsolutePath(sub), "\(sub.debugDescription)")
                #expect(Names.isDevicePath(sub) == Reference.isDevicePath(sub), "\(sub.debugDescription)")
            }
        }
    }

    @Test func addressesMatchTheReference() {
        for s in Self.allCases {
            #expect(IPv4Address(s) == Reference.ipv4(s), "\(s.debugDescription)")
            #expect(IPv6Address(s) == Reference.ipv6(s), "\(s.debugDescription)")
            #expect(IPAddress(s) == Reference.ip(s), "\(s.debugDescription)")
            #expect(IPAddress(s)?.description == Reference.ip(s)?.description, "\(s.debugDescription)")
            #expect(CIDR.parse(s) == Reference.cidr(s), "\(s.debugDescription)")
            forms(s) { sub in
                #expect(IPv4Address(sub) == Reference.ipv4(sub), "\(sub.debugDescription)")
                #expect(IPv6Address(sub) == Reference.ipv6(sub), "\(sub.debugDescription)")
                #expect(IPAddress(sub) == Reference.ip(sub), "\(sub.debugDescription)")
                #expect(CIDR.parse(sub) == Reference.cidr(sub), "\(sub.debugDescription)")
            }
        }
    }

    @Test func randomCasesReachEveryOutcome() {
        // Guards the generator: the comparison above means little if nearly
        // every random case is rejected at the first byte.
        let cases = Self.randomCases(count: 20_000, seed: 0x7090C)
        #expect(cases.contains { IPv4Address($0) != nil })
        #expect(cases.contains { IPv6Address($0) != nil })
        #expect(cases.contains { Names.isAbsolutePath($0) })
        #expect(cases.contains { Names.isDevicePath($0) })
        #expect(cases.contains { (try? CIDR.parse($0).get()) != nil })
        #expect(cases.contains { s in
            if case .failure(.hostBitsSet) = CIDR.parse(s) { return true } else { return false }
        })
    }

    @Test func rejectsNonASCIIDigitsAndOverlongInputs() {
        for s in ["١.٢.٣.٤", "１.２.３.４", "1.2.3.４", "::١", "::ff１"] {
            #expect(IPAddress(s) == nil, "\(s.debugDescription)")
        }
        #expect(CIDR.parse("10.0.0.0/٢٤") == .failure(.syntax))
        #expect(CIDR.parse("10.0.0.0/２４") == .failure(.syntax))
        #expect(CIDR.parse("10.0.0.0/\u{301}24") == .failure(.syntax))
        #expect(CIDR.parse("10.0.0.0\u{600}/24") == .failure(.syntax))
        #expect(CIDR.parse("10.0.0.0/0024") == .failure(.syntax))
        #expect(CIDR.parse("10.0.0.0/0") == .failure(.hostBitsSet(network: CIDR("0.0.0.0/0")!)))
        #expect(CIDR.parse("10.0.0.0/1024") == .failure(.prefixTooLong(max: 32)))
        #expect(IPv6Address(String(repeating: "0", count: 42) + "::1") == nil)  // 45 bytes of hex is a malformed group
        #expect(IPv6Address("0000:0000:0000:0000:0000:0000:255.255.255.255")?.low == 0xFFFF_FFFF)  // 45 bytes
        #expect(IPv6Address("0000:0000:0000:0000:0000:0000:255.255.255.255 ") == nil)  // 46 bytes
        #expect(IPv4Address("1.2.3.4" + String(repeating: "0", count: 10_000)) == nil)
        #expect(!Names.isName(String(repeating: "a", count: 64)))
        #expect(!Names.isAbsolutePath("/" + String(repeating: "a", count: 4096)))
        #expect(!Names.isDevicePath("/dev/sda/\u{301}"))
    }
}

/// The implementations the byte scans replaced, over the generic string views.
private enum Reference {
    static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }

    static func isName<S: StringProtocol>(_ s: S) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, let last = b.last, b.count <= 63 else { return false }
        return isLowerAlnum(first) && isLowerAlnum(last) && b.allSatisfy { isLowerAlnum($0) || $0 == 45 }
    }

    static func isIfaceName<S: StringProtocol>(_ s: S) -> Bool {
        let b = s.utf8
        func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 65 && c <= 90) }
        guard let first = b.first, isAlnum(first), b.count <= 15 else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 64 || $0 == 45 }
    }

    static func isAbsolutePath<S: StringProtocol>(_ s: S) -> Bool {
        var count = 0
        var componentLength = 0
        var dots = 0
        var first = true
        for b in s.utf8 {
            count += 1
            if count > 4096 { return false }
            if first {
                guard b == 47 else { return false }
                first = false
                continue
            }
            if b == 47 {
                if componentLength == 0 || dots == componentLength && dots <= 2 { return false }
                componentLength = 0
                dots = 0
                continue
            }
            guard isLowerAlnum(b) || (b >= 65 && b <= 90) || b == 46 || b == 95 || b == 43 || b == 64 || b == 58 || b == 61 || b == 44 || b == 45 else { return false }
            componentLength += 1
            if b == 46 { dots += 1 }
        }
        if first { return false }
        return !(componentLength > 0 && dots == componentLength && dots <= 2)
    }

    static func isDevicePath<S: StringProtocol>(_ s: S) -> Bool {
        s.hasPrefix("/dev/") && s.utf8.count > 5 && s.last != "/" && isAbsolutePath(s)
    }

    static func ipv4<S: StringProtocol>(_ text: S) -> IPv4Address? {
        var octets = 0
        var current: UInt32 = 0
        var digits = 0
        var result: UInt32 = 0
        var leadingZero = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if leadingZero { return nil }
                if digits == 0 && byte == UInt8(ascii: "0") { leadingZero = true }
                current = current * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 3 || current > 255 { return nil }
            case UInt8(ascii: "."):
                if digits == 0 || octets == 3 { return nil }
                result = result << 8 | current
                octets += 1
                current = 0; digits = 0; leadingZero = false
            default:
                return nil
            }
        }
        if digits == 0 || octets != 3 { return nil }
        return IPv4Address(value: result << 8 | current)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func ipv6<S: StringProtocol>(_ text: S) -> IPv6Address? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty || bytes.count > 45 { return nil }
        var groups: [UInt16] = []
        var compressAt: Int? = nil
        var i = 0
        let n = bytes.count
        if bytes[0] == UInt8(ascii: ":") {
            guard n >= 2, bytes[1] == UInt8(ascii: ":") else { return nil }
            compressAt = 0
            i = 2
            if i == n { return IPv6Address(high: 0, low: 0) }
        }
        while i < n {
            var j = i
            var sawDot = false
            while j < n && bytes[j] != UInt8(ascii: ":") {
                if bytes[j] == UInt8(ascii: ".") { sawDot = true }
                j += 1
            }
            if sawDot {
                guard j == n, let v4 = ipv4(String(decoding: bytes[i..<j], as: UTF8.self)) else { return nil }
                groups.append(UInt16(v4.value >> 16))
                groups.append(UInt16(v4.value & 0xffff))
                i = j
                break
            }
            let len = j - i
            if len == 0 || len > 4 { return nil }
            var group: UInt16 = 0
            for k in i..<j {
                guard let h = hexValue(bytes[k]) else { return nil }
                group = group << 4 | UInt16(h)
            }
            groups.append(group)
            if j == n { i = j; break }
            if j + 1 < n && bytes[j + 1] == UInt8(ascii: ":") {
                if compressAt != nil { return nil }
                compressAt = groups.count
                i = j + 2
            } else {
                i = j + 1
                if i == n { return nil }
            }
        }
        if let at = compressAt {
            if groups.count > 7 { return nil }
            let zeros = [UInt16](repeating: 0, count: 8 - groups.count)
            groups.insert(contentsOf: zeros, at: at)
        } else if groups.count != 8 {
            return nil
        }
        var high: UInt64 = 0, low: UInt64 = 0
        for k in 0..<4 { high = high << 16 | UInt64(groups[k]) }
        for k in 4..<8 { low = low << 16 | UInt64(groups[k]) }
        return IPv6Address(high: high, low: low)
    }

    static func ip<S: StringProtocol>(_ text: S) -> IPAddress? {
        if text.utf8.contains(UInt8(ascii: ":")) {
            return ipv6(text).map(IPAddress.v6)
        } else {
            return ipv4(text).map(IPAddress.v4)
        }
    }

    static func cidr<S: StringProtocol>(_ text: S) -> Result<CIDR, CIDR.ParseError> {
        guard let slash = text.firstIndex(of: "/") else { return .failure(.syntax) }
        let addressText = text[text.startIndex..<slash]
        let prefixText = text[text.index(after: slash)...]
        guard let address = ip(addressText),
              !prefixText.isEmpty,
              prefixText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              !(prefixText.count > 1 && prefixText.first == "0") else { return .failure(.syntax) }
        guard prefixText.utf8.count <= 3, let prefix = Int(prefixText), prefix <= address.bitWidth else {
            return .failure(.prefixTooLong(max: address.bitWidth))
        }
        let cidr = CIDR(containing: address, prefix: prefix)
        if cidr.network != address { return .failure(.hostBitsSet(network: cidr)) }
        return .success(cidr)
    }
}
