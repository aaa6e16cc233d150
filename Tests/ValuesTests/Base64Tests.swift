import Foundation
import Testing
import Values

@Suite struct Base64Tests {
    /// RFC 4648 §10's test vectors.
    @Test func rfc4648Vectors() {
        let vectors = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                       ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        for (plain, encoded) in vectors { #expect(Base64.encode(Array(plain.utf8)) == encoded, "\(plain)") }
    }

    /// Agrees with Foundation on random bytes of every length up to 64,
    /// including the bytes whose sextets are the alphabet's last ('+' and '/').
    @Test func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...64 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString(), "\(bytes)")
            }
        }
        #expect(Base64.encode([0xfb, 0xff]) == "+/8=")
    }
}
