import Testing
@testable import Values

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("abc", "abc", 0), ("kitten", "sitting", 3),
        ("flaw", "lawn", 2), ("subnet", "subnets", 1), ("hosts", "host", 1), ("cidr", "cdir", 2),
        ("a", "b", 1), ("intention", "execution", 5), ("client_port", "clientport", 1),
        ("abc", "cba", 2), ("overlay", "ovrelay", 2),
    ])
    func distances(a: String, b: String, expected: Int) {
        #expect(EditDistance.distance(a, b) == expected)
        #expect(EditDistance.distance(b, a) == expected)
    }

    @Test func suggestsCloseCandidates() {
        let keys = ["subnets", "hosts", "kvdbs", "overlay", "docker", "portworx", "ecs", "lint", "version", "name"]
        #expect(EditDistance.suggestion(for: "subnet", among: keys) == "subnets")
        #expect(EditDistance.suggestion(for: "hostz", among: keys) == "hosts")
        #expect(EditDistance.suggestion(for: "portwrx", among: keys) == "portworx")
        #expect(EditDistance.suggestion(for: "overlya", among: keys) == "overlay")
        #expect(EditDistance.suggestion(for: "version", among: keys) == "version")
        #expect(EditDistance.suggestion(for: "zzzzzzzz", among: keys) == nil)
        #expect(EditDistance.suggestion(for: "anything", among: [String]()) == nil)
    }

    @Test func thresholdIsAThirdOfTheWordBetweenOneAndThree() {
        // Short words: one edit.
        #expect(EditDistance.suggestion(for: "ab", among: ["ax"]) == "ax")
        #expect(EditDistance.suggestion(for: "ab", among: ["xy"]) == nil)
        #expect(EditDistance.suggestion(for: "ecs", among: ["ec2"]) == "ec2")
        #expect(EditDistance.suggestion(for: "ecs", among: ["e"]) == nil)
        // Six letters: two edits, not three.
        #expect(EditDistance.suggestion(for: "abcdef", among: ["abcdxy"]) == "abcdxy")
        #expect(EditDistance.suggestion(for: "abcdef", among: ["abcxyz"]) == nil)
        // Never more than three, however long the word.
        let long = String(repeating: "a", count: 30)
        #expect(EditDistance.suggestion(for: long, among: [String(repeating: "a", count: 27)]) != nil)
        #expect(EditDistance.suggestion(for: long, among: [String(repeating: "a", count: 26)]) == nil)
        // Over 64 bytes, no suggestion at all (bounded work on hostile input).
        let huge = String(repeating: "b", count: 65)
        #expect(EditDistance.suggestion(for: huge, among: [huge]) == nil)
        #expect(EditDistance.suggestion(for: "b", among: [huge, "c"]) == "c")
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(EditDistance.suggestion(for: "hostx", among: ["hosta", "hostb"]) == "hosta")
        #expect(EditDistance.suggestion(for: "hostx", among: ["hostb", "hosta"]) == "hostb")
        // A strictly closer candidate later still wins.
        #expect(EditDistance.suggestion(for: "hosts", among: ["hostxx", "hostx", "hosts"]) == "hosts")
    }
}
