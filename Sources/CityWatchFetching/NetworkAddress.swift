import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An IP address a transfer is about to connect to, and the kind of network it belongs to.
///
/// The check runs on the address libcurl resolved and is about to use (its socket-opening callback), not on
/// the URL's text, so every spelling of loopback ("127.1", "2130706433", "0x7f000001", "[::ffff:127.0.0.1]",
/// "localhost", a DNS name that resolves there) meets the same refusal.
package struct NetworkAddress: Sendable, Equatable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 bytes (IPv6), network order.
    package let bytes: [UInt8]

    package init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses a numeric address ("10.0.0.1", "::1"); nil for anything else.
    package init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            self.bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    /// The kinds of network a link found in a feed must never reach.
    package enum Kind: String, Sendable {
        case publicInternet = "public"
        case loopback, unspecified
        case privateNetwork = "private"
        case sharedAddressSpace = "shared address space (carrier-grade NAT)"
        case linkLocal = "link-local"
        case uniqueLocal = "unique-local"
        case multicast, reserved
    }

    /// The kind of network, with IPv4 inside IPv6 (mapped, compatible, NAT64, 6to4) judged as the IPv4 address.
    package var kind: Kind {
        if let v4 = embeddedIPv4 { return Self.kind(ipv4: v4) }
        if bytes.count == 4 { return Self.kind(ipv4: bytes) }
        let b = bytes
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return .loopback }
        if b[0] & 0xFE == 0xFC { return .uniqueLocal }                 // fc00::/7
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return .linkLocal }   // fe80::/10
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return .uniqueLocal } // fec0::/10, the deprecated site-local
        if b[0] == 0xFF { return .multicast }                          // ff00::/8
        if b[0] == 0x01 && b[1...7].allSatisfy({ $0 == 0 }) { return .reserved }  // 100::/64 discard
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return .reserved } // 2001:db8::/32
        return .publicInternet
    }

    /// True when a link found in a feed may connect here.
    package var isPublic: Bool { kind == .publicInternet }

    /// The IPv4 address carried inside an IPv6 one: ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:aabb:ccdd::.
    var embeddedIPv4: [UInt8]? {
        guard bytes.count == 16 else { return nil }
        let b = bytes
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return Array(b[12..<16]) }
        if b[0..<12].allSatisfy({ $0 == 0 }) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1) {
            return Array(b[12..<16])
        }
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..<12].allSatisfy({ $0 == 0 }) {
            return Array(b[12..<16])
        }
        if b[0] == 0x20 && b[1] == 0x02 { return Array(b[2..<6]) }
        return nil
    }

    static func kind(ipv4 b: [UInt8]) -> Kind {
        switch (b[0], b[1]) {
        case (0, _): return .unspecified                           // 0.0.0.0/8 ("this network")
        case (10, _): return .privateNetwork
        case (100, 64...127): return .sharedAddressSpace           // 100.64/10
        case (127, _): return .loopback
        case (169, 254): return .linkLocal                         // cloud metadata lives here
        case (172, 16...31): return .privateNetwork
        case (192, 168): return .privateNetwork
        case (192, 0) where b[2] == 0: return .reserved            // 192.0.0/24 protocol assignments
        case (192, 0) where b[2] == 2, (198, 51) where b[2] == 100, (203, 0) where b[2] == 113: return .reserved
        case (198, 18...19): return .reserved                      // benchmarking
        case (224...239, _): return .multicast
        case (240...255, _): return .reserved                      // includes 255.255.255.255
        default: return .publicInternet
        }
    }

    /// "127.0.0.1", "::1": the address as inet_ntop writes it.
    package var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let ok = bytes.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil
        }
        return ok ? String(cString: buffer) : bytes.map(String.init).joined(separator: ".")
    }
}
