/// topoc's version: it appears in every generated file's header, so changing it
/// changes the outputs (and Outputs/ must be regenerated).
public enum TopocVersion {
    public static let string = "0.1.0"
}
