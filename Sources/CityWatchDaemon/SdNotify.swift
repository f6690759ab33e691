#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The systemd notification protocol (sd_notify) written in Swift: one datagram per message to `$NOTIFY_SOCKET`.
///
/// Without `$NOTIFY_SOCKET` (not started by systemd with `Type=notify`) every call is a no-op, so the daemon
/// needs no special mode for running in a terminal.
package struct SdNotify: Sendable {
    /// The socket address from `$NOTIFY_SOCKET`: a filesystem path, or an abstract name starting with "@".
    package let socketPath: String?
    /// How often to send WATCHDOG=1: half of `$WATCHDOG_USEC`, as systemd recommends; nil when no watchdog.
    package let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from the given environment.
    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        var interval: Duration?
        if path != nil, let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 {
            // WATCHDOG_PID, when set, names the process the watchdog is meant for (not a forked child).
            let pidMatches = environment["WATCHDOG_PID"].flatMap { Int32($0) }.map { $0 == getpid() } ?? true
            if pidMatches { interval = .microseconds(Int64(usec / 2)) }
        }
        watchdogInterval = interval
    }

    /// True when there is a notification socket to talk to.
    package var isEnabled: Bool { socketPath != nil }

    /// Sends the service manager that startup is finished (and a status line).
    @discardableResult
    package func ready(status: String? = nil) -> Bool {
        send(["READY=1"] + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? []))
    }

    /// Tells the service manager the config is being reloaded; READY=1 must follow when done.
    @discardableResult
    package func reloading() -> Bool {
        send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// Tells the service manager the service is shutting down.
    @discardableResult
    package func stopping() -> Bool { send(["STOPPING=1"]) }

    /// Keeps the watchdog from firing.
    @discardableResult
    package func watchdog() -> Bool { send(["WATCHDOG=1"]) }

    /// Sets the one-line status shown by `systemctl status`.
    @discardableResult
    package func status(_ text: String) -> Bool { send(["STATUS=\(Self.oneLine(text))"]) }

    /// Sends `KEY=value` assignments as one datagram; false when disabled or the send failed.
    @discardableResult
    package func send(_ assignments: [String]) -> Bool {
        guard let socketPath else { return false }
        return Self.sendDatagram(assignments.joined(separator: "\n"), to: socketPath)
    }

    /// CLOCK_MONOTONIC in microseconds, the clock systemd expects in MONOTONIC_USEC.
    package static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    /// A status value must not contain a newline: that would start a new assignment.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// One datagram on a fresh socket: notifications are rare, and a fresh socket survives a restarted manager.
    static func sendDatagram(_ message: String, to path: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(path.utf8)
        let abstract = pathBytes.first == UInt8(ascii: "@")
        if abstract { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity, !pathBytes.isEmpty else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        // An abstract name is exactly its bytes (no terminating NUL); a path includes the NUL.
        let length = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + pathBytes.count + (abstract ? 0 : 1)

        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes { buffer in
                    sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL),
                           socketAddress, socklen_t(length))
                }
            }
        }
        return sent == bytes.count
    }
}
