import Foundation
import TestSupport
import Testing

/// Hostile inputs: each must end in exit 1 with an error diagnostic that has a
/// line, without a crash or a hang, and (measured, since memory is stable where
/// time is not) in under 100 MB. Times are reported by scripts/bench-hostile.
@Suite struct HostileInputTests {
    static func aliasBombText() -> String {
        var s = "version: 1\nname: t\nx-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for i in 1..<names.count {
            s += "x-\(names[i]): &\(names[i]) [" + Array(repeating: "*\(names[i - 1])", count: 10).joined(separator: ", ") + "]\n"
        }
        return s
    }

    static func junk(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E3779B97F4A7C15
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    static func badHosts(_ count: Int) -> String {
        var s = "version: 1\nname: t\nsubnets:\n  lan: {cidr: 10.0.0.0/8}\nhosts:\n"
        for i in 0..<count {
            s += "  h\(i): {os: nope, ifaces: {eth0: {subnet: lan, address: 999.1.1.\(i % 256)}}, devices: [sdb]}\n"
        }
        return s
    }

    static let cases: [(String, String, () -> [UInt8])] = [
        ("alias bomb", "input-limit", { Array(aliasBombText().utf8) }),
        ("200,000 levels of nesting", "input-limit", { Array(("version: 1\nx: " + String(repeating: "[", count: 200_000) + "\n").utf8) }),
        ("200,000 levels of block nesting", "input-limit", {
            var s = "version: 1\n"
            for i in 0..<2_000 { s += String(repeating: " ", count: i) + "k:\n" }
            return Array(s.utf8)
        }),
        ("20 MB of junk", "yaml-syntax", { junk(20 << 20) }),
        ("invalid UTF-8", "yaml-syntax", { Array("version: 1\nname: ".utf8) + [0xff, 0xfe] + Array("\n".utf8) }),
        ("NUL bytes", "yaml-syntax", { Array("version: 1\n".utf8) + [0, 0, 0] }),
        // libyaml refuses implicit keys over 1024 characters itself...
        ("a 2 MB key", "yaml-syntax", { Array(("version: 1\n" + String(repeating: "k", count: 2 << 20) + ": 1\n").utf8) }),
        // ...so an explicit key (`? key`) is what reaches the scalar limit.
        ("a 2 MB explicit key", "input-limit", { Array(("version: 1\n? " + String(repeating: "k", count: 2 << 20) + "\n: 1\n").utf8) }),
        ("an ELF binary", "yaml-syntax", { [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0] + junk(64 << 10) }),
        ("20,000 hosts of bad values", "bad-value", { Array(badHosts(20_000).utf8) }),
    ]

    @Test(arguments: 0..<cases.count)
    func endsInADiagnosticWithALine(_ index: Int) throws {
        let (name, rule, make) = Self.cases[index]
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("hostile.yaml")
        try Data(make()).write(to: file)
        let (r, maxRSSKiB) = try measuredProcess(topocBinary(), ["lint", "--format", "json", file.path])
        #expect(r.status == 1, "\(name): exit \(r.status) \(r.stderr.prefix(300))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(name): \(r.stdout.prefix(300))")
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first { $0["rule"] as? String == rule }, "\(name): \(diagnostics.prefix(3))")
        #expect(first["severity"] as? String == "error")
        #expect((first["line"] as? Int ?? 0) >= 1)
        #expect(maxRSSKiB < 100 * 1024, "\(name): peak memory \(maxRSSKiB) KiB")
        // The text form must not let the input drive the terminal.
        let text = try Subprocess.run([topocBinary(), "lint", file.path])
        #expect(text.status == 1)
        #expect(!text.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\u{1B}" }, "\(name): control characters in text output")
    }
}
