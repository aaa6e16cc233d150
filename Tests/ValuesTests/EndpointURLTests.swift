import Testing
@testable import Values

@Suite struct EndpointURLTests {
    @Test(arguments: [
        ("http://myetc.company.com:4001", "http", "myetc.company.com", nil, 4001, "", 4001),
        ("https://etcd.example.com", "https", "etcd.example.com", nil, nil, "", 443),
        ("http://etcd", "http", "etcd", nil, nil, "", 80),
        ("http://10.0.6.234:2379", "http", "10.0.6.234", "10.0.6.234", 2379, "", 2379),
        ("http://[::1]:2379", "http", "::1", "::1", 2379, "", 2379),
        ("https://[2001:DB8::1]", "https", "2001:DB8::1", "2001:db8::1", nil, "", 443),
        ("http://[::ffff:10.0.0.1]:1/", "http", "::ffff:10.0.0.1", "::ffff:10.0.0.1", 1, "/", 1),
        ("http://h:65535/v2/keys", "http", "h", nil, 65535, "/v2/keys", 65535),
        ("http://Etcd-1.Example.COM:2379", "http", "Etcd-1.Example.COM", nil, 2379, "", 2379),
        ("http://a1.b2c:80", "http", "a1.b2c", nil, 80, "", 80),
    ] as [(String, String, String, String?, Int?, String, Int)])
    func accepts(text: String, scheme: String, host: String, address: String?, port: Int?, path: String, effectivePort: Int) throws {
        let url = try #require(EndpointURL(text))
        #expect(url.scheme == scheme)
        #expect(url.host == host)
        #expect(url.address?.description == address)
        #expect(url.port == port)
        #expect(url.path == path)
        #expect(url.effectivePort == effectivePort)
        #expect(url.description == text)
    }

    @Test(arguments: [
        "", "http://", "https://", "http:///", "http://:80", "ftp://h", "etcd://h:2379", "HTTP://h",
        "http:/h", "h:2379", "//h", "http://user@h", "http://user:pass@h:80", "http://h?x=1",
        "http://h/?x=1", "http://h#frag", "http://h/#f", "http://h/a b", "http://h b", "http:// h",
        "http://h:0", "http://h:65536", "http://h:99999", "http://h:", "http://h:-1", "http://h:+80",
        "http://h:8o", "http://h:123456", "http://1.2.3:80", "http://1.2.3", "http://256.1.1.1",
        "http://010.0.0.1", "http://1234", "http://a.1", "http://0x7f.1", "http://0x7F000001",
        "http://[::1", "http://::1", "http://[::1]x", "http://[::1]:", "http://[1.2.3.4]",
        "http://[fe80::1%25eth0]", "http://[::1]:0", "http://h_1", "http://-h", "http://h-",
        "http://h..x", "http://h.", "http://h/../x", "http://h//x", "http://$(x)", "http://h/$x",
        "http://h\n", "http://h:80\n", "http://h\\x",
    ])
    func rejects(text: String) {
        #expect(EndpointURL(text) == nil, "accepted \(text.debugDescription)")
    }

    @Test func portRange() {
        for port in [1, 80, 2379, 65535] {
            #expect(EndpointURL("http://h:\(port)")?.port == port)
        }
        for port in [0, 65536, 100_000] {
            #expect(EndpointURL("http://h:\(port)") == nil)
        }
    }
}
