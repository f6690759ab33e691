import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A request as the test server received it (header names lower-cased).
package struct ServedRequest: Sendable {
    package var method: String
    package var path: String
    package var headers: [String: String]
    package var body: Data
}

/// One accepted connection; a handler writes raw HTTP through it. The server closes it afterwards.
package final class ServedConnection: Sendable {
    package let fd: Int32
    /// The connection stays open for further requests (no "Connection: close" in `head`).
    package let keepAlive: Bool

    package init(fd: Int32, keepAlive: Bool = false) {
        self.fd = fd
        self.keepAlive = keepAlive
    }

    /// Writes bytes; false once the client has gone (MSG_NOSIGNAL: a closed peer must not raise SIGPIPE).
    @discardableResult
    package func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let sent = Glibc.send(fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    @discardableResult
    package func send(_ text: String) -> Bool { send(Data(text.utf8)) }

    /// Writes a status line and headers (adding Connection: close unless kept alive, and Content-Length unless given).
    @discardableResult
    package func head(_ status: Int, _ headers: [(String, String)] = [], contentLength: Int? = nil) -> Bool {
        var text = "HTTP/1.1 \(status) Scripted\r\n" + (keepAlive ? "" : "Connection: close\r\n")
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let contentLength { text += "Content-Length: \(contentLength)\r\n" }
        return send(text + "\r\n")
    }

    /// Writes a whole response.
    package func respond(_ status: Int, _ headers: [(String, String)] = [], body: Data = Data()) {
        if head(status, headers, contentLength: body.count) { send(body) }
    }

    package func respond(_ status: Int, _ headers: [(String, String)] = [], text: String) {
        respond(status, headers, body: Data(text.utf8))
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 with an OS-chosen port, one thread per connection, for fetcher tests.
package final class TestHTTPServer: Sendable {
    package typealias Handler = @Sendable (ServedRequest, ServedConnection) -> Void
    package let port: Int
    private let listener: Int32
    private let log = Mutex<[ServedRequest]>([])
    private let accepted = Mutex(0)
    /// Connections serve request after request until the client closes them (HTTP/1.1 keep-alive).
    package let keepAlive: Bool

    /// With `readsRequest` false the handler answers at once, before the client has said anything.
    package init(readsRequest: Bool = true, keepAlive: Bool = false, _ handler: @escaping Handler) throws {
        let (listener, port) = try Self.listen()
        self.listener = listener
        self.port = port
        self.keepAlive = keepAlive
        let thread = Thread { [self] in acceptLoop(readsRequest: readsRequest, handler) }
        thread.start()
    }

    package var base: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    package var requests: [ServedRequest] { log.withLock { $0 } }

    /// The connections accepted so far.
    package var connections: Int { accepted.withLock { $0 } }

    /// Stops accepting (shutdown wakes the blocked accept on Linux).
    package func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop(readsRequest: Bool, _ handler: @escaping Handler) {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            accepted.withLock { $0 += 1 }
            let thread = Thread { [self] in
                var timeout = timeval(tv_sec: 5, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                let unread = ServedRequest(method: "", path: "", headers: [:], body: Data())
                let connection = ServedConnection(fd: fd, keepAlive: keepAlive)
                repeat {
                    guard let request = readsRequest ? Self.readRequest(fd) : unread else { break }
                    log.withLock { $0.append(request) }
                    handler(request, connection)
                } while keepAlive && readsRequest
                close(fd)
            }
            thread.start()
        }
    }

    private static func readRequest(_ fd: Int32) -> ServedRequest? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
        let end = buffer.range(of: separator)!
        let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[end.upperBound...])
        let length = Int(headers["content-length"] ?? "") ?? 0
        while body.count < length {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { break }
            body.append(contentsOf: chunk[0..<count])
        }
        return ServedRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    /// Opens a listening socket on 127.0.0.1 with a free port.
    package static func listen() throws -> (fd: Int32, port: Int) {
        _ = bypassProxy
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(message: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && Glibc.listen(fd, 64) == 0
                    && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw ServerError(message: "bind/listen: errno \(errno)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// libcurl honours http_proxy; a proxy set in the environment must not stand between the tests and
    /// their own server. Set once, before the first test server exists.
    package static let bypassProxy: Void = {
        for name in ["no_proxy", "NO_PROXY"] {
            let current = ProcessInfo.processInfo.environment[name].map { $0 + "," } ?? ""
            setenv(name, current + "127.0.0.1,localhost", 1)
        }
    }()

    package struct ServerError: Error {
        package var message: String
        package init(message: String) { self.message = message }
    }
}
