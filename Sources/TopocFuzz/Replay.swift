// Fuzz targets: filled in by the fuzzing work.
@main struct Replay { static func main() {} }
