import Testing
@testable import Values

@Suite struct ImageReferenceTests {
    static let hex64 = String(repeating: "0123456789abcdef", count: 4)

    @Test(arguments: [
        ("redis", nil, "redis", nil, nil),
        ("portworx/px-dev", nil, "portworx/px-dev", nil, nil),
        ("quay.io/coreos/etcd:v2.3.7", "quay.io", "coreos/etcd", "v2.3.7", nil),
        ("localhost:5000/a/b:tag", "localhost:5000", "a/b", "tag", nil),
        ("localhost/a", "localhost", "a", nil, nil),
        ("registry.example.com:443/team/app", "registry.example.com:443", "team/app", nil, nil),
        ("amazon/amazon-ecs-agent:latest", nil, "amazon/amazon-ecs-agent", "latest", nil),
        ("a.b/c__d/e--f.g_h:1.0-RC_1", "a.b", "c__d/e--f.g_h", "1.0-RC_1", nil),
        ("binocarlos/moby-counter", nil, "binocarlos/moby-counter", nil, nil),
        ("name@sha256:" + hex64, nil, "name", nil, "sha256:" + hex64),
        ("quay.io/coreos/etcd:v3.5.0@sha256:" + hex64, "quay.io", "coreos/etcd", "v3.5.0", "sha256:" + hex64),
        ("localhost:5000", nil, "localhost", "5000", nil),
        ("x:_tag", nil, "x", "_tag", nil),
    ] as [(String, String?, String, String?, String?)])
    func accepts(text: String, registry: String?, path: String, tag: String?, digest: String?) throws {
        let ref = try #require(ImageReference(text))
        #expect(ref.registry == registry)
        #expect(ref.path == path)
        #expect(ref.tag == tag)
        #expect(ref.digest == digest)
        #expect(ref.description == text)
        #expect(ref.repository == (registry.map { $0 + "/" } ?? "") + path)
    }

    @Test(arguments: [
        "", "Redis", "portworx/PX-dev", "quay.io/CoreOS/etcd", "a::b", "-a", "a-", "a/-b", "_a", "a.",
        "a..b", "a___b", "a._b", "a//b", "/a", "a/", "red is", "redis ", " redis", "$(x)", "redis;ls",
        "redis`id`", "redis:", "redis:-tag", "redis:.tag", "redis:ta g", "redis:" + String(repeating: "t", count: 129),
        "redis@", "redis@sha256:", "redis@sha256:abc", "redis@sha256:" + String(hex64.dropLast()),
        "redis@sha256:" + hex64 + "0", "redis@sha256:" + hex64.uppercased(), "redis@md5:" + hex64,
        "redis@sha256:" + hex64 + "@sha256:" + hex64, "localhost:/a", "localhost:50x0/a",
        "exa_mple.com/a", "-bad.com/a", "a:b/c", "[::1]:5000/a", "a/b:c/d", "rédis", "redis\n",
    ])
    func rejects(text: String) {
        #expect(ImageReference(text) == nil, "accepted \(text.debugDescription)")
    }

    @Test func lengthLimits() {
        let maxTag = String(repeating: "t", count: 128)
        #expect(ImageReference("redis:" + maxTag)?.tag == maxTag)
        // The 255-byte cap is on the name; a long tag and digest come on top.
        let longName = "a/" + String(repeating: "b", count: 253)
        #expect(ImageReference(longName) != nil)
        #expect(ImageReference(longName + "b") == nil)
        #expect(ImageReference(longName + ":" + maxTag + "@sha256:" + ImageReferenceTests.hex64) != nil)
        #expect(ImageReference("sha512@sha512:" + String(repeating: "f", count: 128))?.digest?.count == 135)
        #expect(ImageReference("x@sha384:" + String(repeating: "0", count: 96)) != nil)
        #expect(ImageReference("x@sha384:" + String(repeating: "0", count: 64)) == nil)
        #expect(ImageReference(String(repeating: "a", count: 100_000)) == nil)
    }

    @Test func pinning() throws {
        #expect(try !#require(ImageReference("redis")).isPinned)
        #expect(try !#require(ImageReference("redis:latest")).isPinned)
        #expect(try #require(ImageReference("redis:7.2")).isPinned)
        #expect(try #require(ImageReference("quay.io/coreos/etcd:v2.3.7")).isPinned)
        #expect(try #require(ImageReference("redis@sha256:" + ImageReferenceTests.hex64)).isPinned)
        #expect(try #require(ImageReference("redis:latest@sha256:" + ImageReferenceTests.hex64)).isPinned)
        // A registry port is not a tag.
        #expect(try !#require(ImageReference("localhost:5000/redis")).isPinned)
    }
}
