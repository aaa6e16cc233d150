import Testing
@testable import Values

@Suite struct NamesTests {
    @Test func names() {
        for good in ["a", "0", "node1", "px-etcd", "a-b-c", "1a", "a1", "a--b", String(repeating: "a", count: 63),
                     "a" + String(repeating: "-", count: 61) + "b"] {
            #expect(Names.isName(good), "\(good.debugDescription)")
        }
        for bad in ["", "-", "-a", "a-", "A", "Node1", "a_b", "a.b", "a b", " a", "a\n", "é",
                    String(repeating: "a", count: 64), "a$", "a;b", "a/b"] {
            #expect(!Names.isName(bad), "\(bad.debugDescription)")
        }
    }

    @Test func interfaceNames() {
        for good in ["eth0", "enp0s3", "lo", "eth0.100", "br_0", "veth@if2", "a", "a-", "a.",
                     String(repeating: "x", count: 15), "Wlan0"] {
            #expect(Names.isIfaceName(good), "\(good.debugDescription)")
        }
        // 15 bytes is IFNAMSIZ less the NUL; bytes, not characters, count.
        for bad in ["", ".", "..", "-", "-x", ".hidden", "_a", "@a", String(repeating: "x", count: 16), "eth 0", "eth0/1", "eth:0",
                    "eth0\n", "éééééééé", "a%b", "a$b"] {
            #expect(!Names.isIfaceName(bad), "\(bad.debugDescription)")
        }
    }

    @Test func hostNames() {
        for good in ["a", "myetc.company.com", "A-1.b", String(repeating: "a", count: 63) + ".b"] {
            #expect(Names.isHostName(good), "\(good.debugDescription)")
        }
        let label63 = String(repeating: "a", count: 63)
        for bad in ["", ".", "a.", ".a", "a..b", "-a", "a-", "a_b", String(repeating: "a", count: 64),
                    [label63, label63, label63, String(repeating: "a", count: 62)].joined(separator: "."), "a b"] {
            #expect(!Names.isHostName(bad), "\(bad.debugDescription)")
        }
        // 253 bytes is the most a name may have.
        #expect(Names.isHostName([label63, label63, label63, String(repeating: "a", count: 61)].joined(separator: ".")))
    }

    @Test func absolutePaths() {
        for good in ["/", "/var/lib/etcd/px-etcd", "/a/", "/a/b.c", "/a/.hidden", "/a/...", "/x_y+z@w:v=u,t-s",
                     "/" + String(repeating: "a", count: 4095)] {
            #expect(Names.isAbsolutePath(good), "\(good.debugDescription)")
        }
        for bad in ["", "a", "a/b", "./a", "~/a", "//", "//a", "/a//b", "/..", "/.", "/a/..", "/a/../b",
                    "/a/./b", "/a b", "/a\tb", "/a\nb", "/a$b", "/$(x)", "/a`b`", "/a'b", "/a\"b",
                    "/a\\b", "/a;b", "/a*b", "/a%b", "/é", "/a\0b", "/" + String(repeating: "a", count: 4096)] {
            #expect(!Names.isAbsolutePath(bad), "\(bad.debugDescription)")
        }
    }

    @Test func devicePaths() {
        for good in ["/dev/sdb", "/dev/xvdf", "/dev/nvme0n1", "/dev/mapper/vg-lv", "/dev/disk/by-id/wwn-0x5000"] {
            #expect(Names.isDevicePath(good), "\(good.debugDescription)")
        }
        for bad in ["", "/dev", "/dev/", "/dev//", "/dev/sdb/", "/dev/../etc/passwd", "/dev/./sdb", "dev/sdb",
                    "/devices/sdb", "/etc/sdb", "/dev/sd b", "/dev/$x"] {
            #expect(!Names.isDevicePath(bad), "\(bad.debugDescription)")
        }
    }

    @Test func awsRegions() {
        for good in ["us-west-1", "us-east-2", "eu-central-2", "us-gov-west-1", "ap-southeast-4", "cn-north-1",
                     "us-isob-east-1", "il-central-1"] {
            #expect(Names.isAWSRegion(good), "\(good.debugDescription)")
        }
        for bad in ["", "US-WEST-1", "Us-west-1", "us-west", "us-1", "usa-west-1", "u-west-1", "us-west-a",
                    "us--west-1", "us-west-1-", "-us-west-1", "us_west_1", "us-west-1 ", "us-we$t-1",
                    "us-west-1a", "a-b-c-d-e-1", "us-" + String(repeating: "a", count: 30) + "-1"] {
            #expect(!Names.isAWSRegion(bad), "\(bad.debugDescription)")
        }
    }

    @Test func environmentNames() {
        for good in ["ECS_CLUSTER", "_", "a", "A1", "_x_9", String(repeating: "A", count: 255)] {
            #expect(Names.isEnvironmentName(good), "\(good.debugDescription)")
        }
        for bad in ["", "1A", "A-B", "A B", "A=B", "A$", "É", "A.B", String(repeating: "A", count: 256)] {
            #expect(!Names.isEnvironmentName(bad), "\(bad.debugDescription)")
        }
    }

    @Test func userSpecs() {
        for good in ["default", "dockremap", "_svc", "user:group", "a-b_c:d9", String(repeating: "u", count: 32)] {
            #expect(Names.isUserSpec(good), "\(good.debugDescription)")
        }
        for bad in ["", ":", "user:", ":group", "a:b:c", "Root", "1user", "-user", "us er", "user$",
                    "user;id", String(repeating: "u", count: 33), "user:" + String(repeating: "g", count: 33)] {
            #expect(!Names.isUserSpec(bad), "\(bad.debugDescription)")
        }
    }
}
