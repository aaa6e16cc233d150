import Foundation
import TestSupport
import Testing
@testable import Emitters

/// The digest behind MANIFEST: FIPS 180-4's examples, every length around the
/// padding boundaries, and agreement with the sha256sum tool.
@Suite struct SHA256Tests {
    @Test func fipsExamples() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func agreesWithSha256sumAcrossPaddingBoundaries() throws {
        let dir = try Scratch.directory("sha")
        defer { Scratch.remove(dir) }
        var expected: [String] = []
        var names: [String] = []
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let name = "f\(length)"
            try Data(bytes).write(to: dir.appendingPathComponent(name))
            expected.append(SHA256.hex(bytes) + "  " + name)
            names.append(name)
        }
        let text = try Subprocess.run(["sha256sum"] + names, in: dir).stdout
        #expect(text.split(separator: "\n").map(String.init) == expected)
    }
}
