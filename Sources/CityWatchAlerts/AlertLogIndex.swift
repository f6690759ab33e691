import Foundation
import Synchronization

/// An index of the alert log kept by a long-running reader (the dashboard): each request reads only the lines
/// appended since the last one, so its cost does not grow with the log, and holds only the few fields filters
/// need, not the lines (those are read back by offset when shown).
package final class AlertLogIndex: Sendable {
    /// One alert line: where it is and what the filters look at.
    package struct Entry: Sendable, Equatable {
        package var offset: UInt64
        package var length: Int
        package var time: String
        package var kind: String
        package var city: String?
        package var watched: Bool
    }

    struct State {
        var entries: [Entry] = []
        /// Bytes of the file indexed so far (always at a line end).
        var indexed: UInt64 = 0
        /// The file's identity: a replaced or truncated log is indexed afresh.
        var device: UInt64 = 0
        var inode: UInt64 = 0
    }

    package let path: String
    private let state = Mutex(State())

    package init(path: String) { self.path = path }

    /// Every alert in the log, in log order, after indexing what was appended since the last call.
    package func entries() throws -> [Entry] {
        try state.withLock { state in
            var info = stat()
            guard stat(path, &info) == 0 else {
                state = State()
                if errno == ENOENT { return [] }
                throw AlertLogError(message: "cannot read the alert log \(path): \(String(cString: strerror(errno)))")
            }
            let size = UInt64(info.st_size)
            if UInt64(info.st_dev) != state.device || UInt64(info.st_ino) != state.inode || size < state.indexed {
                state = State(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            }
            guard size > state.indexed else { return state.entries }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw AlertLogError(message: "cannot read the alert log \(path)")
            }
            defer { try? handle.close() }
            try handle.seek(toOffset: state.indexed)
            let bytes = [UInt8](try handle.read(upToCount: Int(size - state.indexed)) ?? Data())
            var start = 0
            // Only whole lines: a line still being appended (or torn) waits for its newline.
            while let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = AlertLogLine(bytes: bytes[start..<end])
                if bytes[start] == UInt8(ascii: "{"), let time = line.string("time"), let kind = line.string("kind"),
                   line.value("id") != nil {
                    state.entries.append(Entry(offset: state.indexed + UInt64(start), length: end - start, time: time,
                                               kind: kind, city: line.string("city"), watched: line.bool("watched")))
                }
                start = end + 1
            }
            state.indexed += UInt64(start)
            return state.entries
        }
    }

    /// The lines of these entries, read back from the file.
    package func lines(_ entries: [Entry]) throws -> [AlertLogLine] {
        guard !entries.isEmpty else { return [] }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AlertLogError(message: "cannot read the alert log \(path)")
        }
        defer { try? handle.close() }
        return try entries.map { entry in
            try handle.seek(toOffset: entry.offset)
            let bytes = [UInt8](try handle.read(upToCount: entry.length) ?? Data())
            return AlertLogLine(bytes: bytes[...])
        }
    }
}
