import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `[alerts] atom`: the feed file, rewritten atomically (temporary file in the same folder, fsync, rename).
package struct AtomFeedFile: Sendable {
    package let path: String
    package var limit: Int

    package init(path: String, limit: Int = AtomFeed.defaultLimit) {
        self.path = path
        self.limit = limit
    }

    /// Rewrites the feed from the newest alerts of `log`.
    package func update(from log: AlertLog, now: Date = Date()) throws {
        try replace(with: AtomFeed(alerts: try Self.latest(log, limit: limit).reversed(), emptyUpdated: now).render())
    }

    /// The newest `limit` alerts of the log, read from its tail only (the log grows without bound).
    static func latest(_ log: AlertLog, limit: Int) throws -> [LoggedAlert] {
        guard let handle = FileHandle(forReadingAtPath: log.path) else { return [] }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        // Lines are a few KB at most (the evidence is clipped): 16 KB per alert is generous.
        let window = UInt64(max(1, limit)) * 16_384
        let start = size > window ? size - window : 0
        try handle.seek(toOffset: start)
        let data = try handle.readToEnd() ?? Data()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        if start > 0, !lines.isEmpty { lines.removeFirst() }   // cut in the middle
        if data.last != UInt8(ascii: "\n"), !lines.isEmpty { lines.removeLast() }   // torn by a crash
        return lines.suffix(limit).compactMap { LoggedAlert(AlertLogLine(bytes: ArraySlice($0))) }
    }

    /// Writes the document next to its final place, flushes it, then renames it over the old one.
    package func replace(with document: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw AlertLogError(message: "cannot write the Atom feed \(temporary): \(String(cString: strerror(errno))). Make the folder writable or change [alerts] atom.") }
        // A feed is for readers: 0644 whatever the daemon's umask (UMask=0027 in the unit).
        fchmod(fd, 0o644)
        let bytes = Array(document.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temporary)
                throw AlertLogError(message: "cannot write the Atom feed \(temporary): \(reason)")
            }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AlertLogError(message: "cannot replace the Atom feed \(path): \(reason)")
        }
        // The rename itself is durable once the folder is flushed.
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }
}
