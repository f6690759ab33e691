import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only JSON-lines alert log. Only whole lines ever go in; a torn last line is trimmed first.
package struct AlertLog: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    /// Runs `body` with the log open for appending under an exclusive lock (one writer at a time).
    package func withLock<T>(_ body: (Int32) throws -> T) throws -> T {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        // Never through a symlink (the torn-line trim would cut its target), only a regular file, not world-readable.
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else {
            if errno == ELOOP {
                throw AlertLogError(message: "the alert log \(path) is a symbolic link: refused (a link could make the daemon write or trim another file). Point [alerts] log at the real file.")
            }
            throw AlertLogError(message: "cannot open the alert log \(path): \(String(cString: strerror(errno))). Make the folder writable or change [alerts] log.")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw AlertLogError(message: "the alert log \(path) is not a regular file. Point [alerts] log at a file.")
        }
        guard flock(fd, LOCK_EX) == 0 else { throw AlertLogError(message: "cannot lock the alert log \(path): \(String(cString: strerror(errno)))") }
        defer { flock(fd, LOCK_UN) }
        return try body(fd)
    }

    /// Checks the log can be opened for appending (creating it and its folder when missing).
    package func checkWritable() throws { try withLock { _ in () } }

    /// Cuts a last line that lacks its newline (a write torn by a crash); returns the bytes removed.
    @discardableResult
    package static func trimTornLine(fd: Int32) throws -> Int {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return 0 }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, size - 1) == 1 else { throw AlertLogError(message: "cannot read the alert log") }
        if last == UInt8(ascii: "\n") { return 0 }
        // Walk back in blocks to the last newline.
        var end = size
        let block = 65536
        var keep: off_t = 0
        search: while end > 0 {
            let start = max(0, end - off_t(block))
            var buffer = [UInt8](repeating: 0, count: Int(end - start))
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, start) }
            guard n == buffer.count else { throw AlertLogError(message: "cannot read the alert log") }
            if let i = buffer.lastIndex(of: UInt8(ascii: "\n")) { keep = start + off_t(i) + 1; break search }
            end = start
        }
        guard ftruncate(fd, keep) == 0 else { throw AlertLogError(message: "cannot trim the alert log: \(String(cString: strerror(errno)))") }
        return Int(size - keep)
    }

    /// The ids of the alerts in the last `bytes` bytes of the log.
    package static func recentIDs(fd: Int32, bytes: Int) throws -> Set<String> {
        let size = lseek(fd, 0, SEEK_END)
        let start = max(0, size - off_t(bytes))
        var buffer = [UInt8](repeating: 0, count: Int(size - start))
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, start) }
        guard n == buffer.count else { throw AlertLogError(message: "cannot read the alert log") }
        var ids = Set<String>()
        for line in buffer.split(separator: UInt8(ascii: "\n")) {
            if let id = id(ofLine: String(decoding: line, as: UTF8.self)) { ids.insert(id) }
        }
        return ids
    }

    /// Appends whole lines in one write, then flushes them to disk.
    package static func append(fd: Int32, lines: [String]) throws {
        guard !lines.isEmpty else { return }
        let data = Array(lines.map { $0 + "\n" }.joined().utf8)
        var written = 0
        while written < data.count {
            let n = data.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AlertLogError(message: "cannot write the alert log: \(String(cString: strerror(errno)))")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw AlertLogError(message: "cannot flush the alert log: \(String(cString: strerror(errno)))") }
    }

    /// The `id` field of a log line.
    package static func id(ofLine line: String) -> String? {
        guard let range = line.range(of: "\"id\":\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// Every whole line of the log (a torn last line is left out).
    package func readLines() throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AlertLogError(message: "cannot read the alert log \(path)")
        }
        // The last piece is either empty (the log ends with a newline) or a torn line: neither is an alert.
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        return lines.map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
    }
}

/// The alert log cannot be opened, read or written.
package struct AlertLogError: Error, Sendable, CustomStringConvertible {
    package var code = "alert-log"
    package var message: String
    package var description: String { message }
}
