import Foundation
import Logging
import CityWatchSupport

/// A swift-log handler writing one line per message to standard error with a journald `<N>` priority prefix.
///
/// journald (and `systemd-cat`) read the prefix as the syslog priority: `<3>` errors, `<4>` warnings and alerts,
/// `<6>` info. Each line is written with one `write`, so lines from concurrent tasks never interleave.
package struct JournalLogHandler: LogHandler {
    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    private let label: String
    private let write: @Sendable (String) -> Void

    /// `write` receives whole lines (standard error unless a test captures them).
    package init(label: String, level: Logger.Level = .info,
                write: @escaping @Sendable (String) -> Void = { StandardError.write($0) }) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    /// Bootstraps swift-log so every `Logger` writes journald lines.
    package static func bootstrap(level: Logger.Level = .info) {
        LoggingSystem.bootstrap { JournalLogHandler(label: $0, level: level) }
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// The syslog priority for a swift-log level.
    package static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    package func log(event: LogEvent) {
        var fields = metadata
        if let explicit = event.metadata { fields.merge(explicit) { $1 } }
        var text = "<\(Self.priority(event.level))>\(event.message)"
        if let error = event.error { text += ": \(error)" }
        if !fields.isEmpty {
            text += " " + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        // A newline would start a second journal entry (a forged priority), an escape sequence would reach the
        // terminal: every control character is written as a visible escape.
        write(TerminalText.line(text))
    }
}
