import Foundation
import Testing
import TestSupport

/// The real programs that consume topoc's outputs (run with TestSupport's
/// `Subprocess.run`).
enum Tool {
    /// The Python with botocore and PyYAML: scripts/test's venv, else python3.
    static var python: String {
        if let p = ProcessInfo.processInfo.environment["TOPOC_PYTHON"], !p.isEmpty { return p }
        return "python3"
    }

    /// Records a failure (not a silent pass) when a tool the check needs is missing.
    static func require(_ names: String...) -> Bool {
        let missing = names.filter { !Subprocess.exists($0) }
        if !missing.isEmpty { Issue.record("not installed: \(missing.joined(separator: ", ")) (scripts/test installs them)") }
        return missing.isEmpty
    }
}
