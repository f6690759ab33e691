import Foundation
import CityWatchFetching

/// `[http] listen`: a host (IPv4, bracketed IPv6 or a name) and a port, e.g. "127.0.0.1:8787" or "[::1]:8787".
package struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    package var host: String
    package var port: Int

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses "host:port"; nil (with the reason) when it is not one.
    package static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
        let value = text.trimmingCharacters(in: .whitespaces)
        let host: Substring
        let portText: Substring
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return .failure(.init("an IPv6 address needs its closing \"]\"")) }
            host = value[value.index(after: value.startIndex)..<close]
            let rest = value[value.index(after: close)...]
            guard rest.hasPrefix(":") else { return .failure(.init("a port must follow the address, as in \"[::1]:8787\"")) }
            portText = rest.dropFirst()
        } else {
            guard let colon = value.lastIndex(of: ":") else { return .failure(.init("no port: write host:port, as in \"127.0.0.1:8787\"")) }
            host = value[..<colon]
            portText = value[value.index(after: colon)...]
            if host.contains(":") { return .failure(.init("write an IPv6 address in brackets, as in \"[::1]:8787\"")) }
        }
        guard !host.isEmpty else { return .failure(.init("no host: write \"127.0.0.1:8787\" for this machine only")) }
        guard let port = Int(portText), (0...65535).contains(port) else {
            return .failure(.init("\"\(portText)\" is not a port (0 to 65535)"))
        }
        return .success(ListenAddress(host: String(host), port: port))
    }

    /// True for 127.0.0.0/8, ::1 and "localhost": reachable from this machine only.
    package var isLoopback: Bool {
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        return NetworkAddress(host)?.kind == .loopback
    }

    package var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Why a `listen` value is not usable.
package struct ListenAddressError: Error, Sendable, Equatable {
    package var message: String
    init(_ message: String) { self.message = message }
}
