import Model
import Planner

/// Renders the bytes of every file the plan installs.
public enum FileRenderer {
    public static func content(of file: FileRef, in topology: Topology) -> String {
        // Filled in by the file emitters.
        return ""
    }
}
