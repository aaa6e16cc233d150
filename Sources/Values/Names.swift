/// Validators for the kinds of name a spec uses. Each says exactly which bytes
/// may appear, so a validated value can never carry shell or unit-file syntax.
public enum Names {
    private static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }

    /// `[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?` — hosts, subnets, kvdbs, volumes, services.
    public static func isName<S: StringProtocol>(_ s: S) -> Bool {
        s.withUTF8Bytes(isName)
    }

    static func isName(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last, b.count <= 63 else { return false }
        guard isLowerAlnum(first), isLowerAlnum(last) else { return false }
        for c in b where !(isLowerAlnum(c) || c == 45) { return false }
        return true
    }

    /// Linux interface names: 1–15 bytes (IFNAMSIZ less the NUL) of
    /// `[A-Za-z0-9._@-]` starting with a letter or digit, so a name can never be
    /// read as a command-line option (`-x`) or a hidden or parent path (`.`, `..`).
    public static func isIfaceName<S: StringProtocol>(_ s: S) -> Bool {
        s.withUTF8Bytes(isIfaceName)
    }

    static func isIfaceName(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 65 && c <= 90) }
        guard let first = b.first, isAlnum(first), b.count <= 15 else { return false }
        for c in b where !(isAlnum(c) || c == 46 || c == 95 || c == 64 || c == 45) { return false }
        return true
    }

    /// RFC 1123 host name: labels of letters, digits and inner hyphens.
    public static func isHostName<S: StringProtocol>(_ s: S) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 253 else { return false }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            let b = Array(label.utf8)
            guard let f = b.first, let l = b.last, b.count <= 63 else { return false }
            func ok(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 65 && c <= 90) }
            guard ok(f), ok(l), b.allSatisfy({ ok($0) || $0 == 45 }) else { return false }
        }
        return true
    }

    /// Absolute paths of `[A-Za-z0-9._+@:=,-]` components; no `.` or `..`
    /// components and no empty ones (`//`), so a path means one place.
    public static func isAbsolutePath<S: StringProtocol>(_ s: S) -> Bool {
        s.withUTF8Bytes(isAbsolutePath)
    }

    static func isAbsolutePath(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One pass over the bytes: this runs for every path of a fleet spec.
        guard let head = bytes.first, head == 47, bytes.count <= 4096 else { return false }
        var componentLength = 0
        var dots = 0
        for b in bytes.dropFirst() {
            if b == 47 {
                // An empty component (`//`) or a `.`/`..` one ends here.
                if componentLength == 0 || dots == componentLength && dots <= 2 { return false }
                componentLength = 0
                dots = 0
                continue
            }
            guard isLowerAlnum(b) || (b >= 65 && b <= 90) || b == 46 || b == 95 || b == 43 || b == 64 || b == 58 || b == 61 || b == 44 || b == 45 else { return false }
            componentLength += 1
            if b == 46 { dots += 1 }
        }
        // The last component may be empty (a trailing slash) but not `.` or `..`.
        return !(componentLength > 0 && dots == componentLength && dots <= 2)
    }

    /// A block device path under `/dev/`; a trailing `/` would name a directory.
    /// Byte comparisons stand in for the `Character` ones (`hasPrefix`, `last`)
    /// they replace: a path `isAbsolutePath` accepts is ASCII, where the two agree.
    public static func isDevicePath<S: StringProtocol>(_ s: S) -> Bool {
        s.withUTF8Bytes { b in
            b.count > 5 && b[0] == 47 && b[1] == 100 && b[2] == 101 && b[3] == 118 && b[4] == 47
                && b[b.count - 1] != 47 && isAbsolutePath(b)
        }
    }

    /// AWS region names such as `us-west-1`, `eu-central-2`, `us-gov-west-1`.
    public static func isAWSRegion<S: StringProtocol>(_ s: S) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count <= 5, s.utf8.count <= 32 else { return false }
        guard parts[0].utf8.count == 2, parts[0].utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return false }
        guard let last = parts.last, !last.isEmpty, last.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 97 && $0 <= 122 } }
    }

    /// Environment variable names: `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isEnvironmentName<S: StringProtocol>(_ s: S) -> Bool {
        let b = s.utf8
        guard let f = b.first, b.count <= 255 else { return false }
        func letter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        return letter(f) && b.allSatisfy { letter($0) || ($0 >= 48 && $0 <= 57) }
    }

    /// A Unix user (or `user:group`) for `userns-remap`: `[a-z_][a-z0-9_-]{0,31}`.
    public static func isUserSpec<S: StringProtocol>(_ s: S) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { p in
            let b = p.utf8
            guard let f = b.first, b.count <= 32 else { return false }
            return (f == 95 || (f >= 97 && f <= 122)) && b.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 45 }
        }
    }
}
