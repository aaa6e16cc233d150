import CCrypto

/// SHA-256 for MANIFEST, from the system's libcrypto (OpenSSL 3): it uses the
/// CPU's SHA extensions where present, hashing a fleet's output tree (hundreds
/// of megabytes) at a few cycles a byte; a Swift implementation of our own
/// spent a third of `compile` here. Tested against FIPS 180-4 and sha256sum.
public enum SHA256 {
    /// Fetched once: an implicit fetch per digest would look the algorithm up
    /// in OpenSSL's provider tables for every file.
    private static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { out in
                EVP_Digest(input.baseAddress, input.count, out.baseAddress, &size, algorithm, nil)
            }
        }
        // libcrypto fails only without memory or without its default provider:
        // a broken installation, not something a spec can cause.
        precondition(ok == 1 && size == 32, "libcrypto could not compute SHA-256")
        return hexDigits(digest)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hexDigits(_ digest: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: digest.count * 2) { buffer in
            for (i, byte) in digest.enumerated() {
                buffer[2 * i] = digits[Int(byte >> 4)]
                buffer[2 * i + 1] = digits[Int(byte & 15)]
            }
            return digest.count * 2
        }
    }
}
