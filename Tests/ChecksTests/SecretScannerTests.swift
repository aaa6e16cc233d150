import Testing
@testable import Checks

/// The scanner's table-driven loops against the plain definition of the two
/// token shapes, on random text dense in token characters and separators.
@Suite struct SecretScannerTests {
    /// Word runs of 20 that are AKIA/ASIA plus 16 capitals or digits; base64
    /// runs of 40 with a capital, a small letter and a digit; by offset.
    static func reference(_ bytes: [UInt8]) -> [(SecretScanner.Kind, Int, Int)] {
        func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func runs(_ inClass: (UInt8) -> Bool) -> [Range<Int>] {
            var out: [Range<Int>] = [], i = 0
            while i < bytes.count {
                guard inClass(bytes[i]) else { i += 1; continue }
                var j = i + 1
                while j < bytes.count && inClass(bytes[j]) { j += 1 }
                out.append(i..<j)
                i = j
            }
            return out
        }
        var out: [(SecretScanner.Kind, Int, Int)] = []
        for r in runs({ isUpper($0) || isLower($0) || isDigit($0) || $0 == 95 }) where r.count == 20 {
            let token = bytes[r]
            if (token.starts(with: "AKIA".utf8) || token.starts(with: "ASIA".utf8)) && token.dropFirst(4).allSatisfy({ isUpper($0) || isDigit($0) }) {
                out.append((.accessKeyID, r.lowerBound, 20))
            }
        }
        for r in runs({ isUpper($0) || isLower($0) || isDigit($0) || $0 == 47 || $0 == 43 }) where r.count == 40 {
            let token = bytes[r]
            if token.contains(where: isUpper) && token.contains(where: isLower) && token.contains(where: isDigit) {
                out.append((.secretAccessKey, r.lowerBound, 40))
            }
        }
        return out.sorted { $0.1 < $1.1 }
    }

    @Test func agreesWithTheDefinition() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("AKISZa0_/+ -\n".utf8)
        for _ in 0..<300 {
            // Tokens of lengths near 20 and 40, some made to match, glued by
            // random separators, so both shapes and their near misses occur.
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes += Array("AKIA".utf8) + (0..<Int.random(in: 15...17, using: &rng)).map { _ in Array("A9Z0".utf8).randomElement(using: &rng)! }
                case 1: bytes += (0..<Int.random(in: 39...41, using: &rng)).map { _ in Array("aZ9/+".utf8).randomElement(using: &rng)! }
                default: bytes += (0..<Int.random(in: 0...45, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                }
                bytes.append(alphabet.randomElement(using: &rng)!)
            }
            let found = SecretScanner.findings(in: bytes).map { "\($0.kind) \($0.offset) \($0.length)" }
            let expected = SecretScannerTests.reference(bytes).map { "\($0.0) \($0.1) \($0.2)" }
            #expect(found == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
