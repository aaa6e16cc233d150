import Foundation

/// The arguments of `TopocBench run`.
struct RunOptions {
    var sizes = [1_000, 10_000, 100_000]
    var runs = 5
    var topoc = FileManager.default.currentDirectoryPath + "/.build/release/topoc"
    var workParent: String? = nil
    var lint = true
    var compile = true
    var callgrind = false

    /// nil on an unknown argument or a missing or bad value.
    init?(_ args: [String]) {
        var i = 0
        func value() -> String? {
            i += 2
            return i - 1 < args.count ? args[i - 1] : nil
        }
        while i < args.count {
            switch args[i] {
            case "--sizes":
                guard let v = value() else { return nil }
                sizes = v.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                if sizes.isEmpty { return nil }
            case "--runs":
                guard let v = value(), let n = Int(v), n > 0 else { return nil }
                runs = n
            case "--topoc":
                guard let v = value() else { return nil }
                topoc = v
            case "--work":
                guard let v = value() else { return nil }
                workParent = v
            case "--only":
                switch value() {
                case "lint": compile = false
                case "compile": lint = false
                default: return nil
                }
            case "--callgrind":
                callgrind = true
                i += 1
            default:
                return nil
            }
        }
    }

    /// /dev/shm when it exists (see main.swift), else the temporary directory.
    var workDirectory: String {
        var isDirectory = ObjCBool(false)
        let parent = workParent
            ?? (FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory) && isDirectory.boolValue ? "/dev/shm" : NSTemporaryDirectory())
        return (parent.hasSuffix("/") ? parent : parent + "/") + "topoc-bench-\(getpid())"
    }
}
