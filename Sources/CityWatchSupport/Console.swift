import Foundation

/// Unbuffered writes to standard output (whole strings; a CLI's results).
package enum StandardOutput {
    package static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Unbuffered writes to standard error (diagnostics and journald lines).
package enum StandardError {
    /// Writes one record: control characters inside it are escaped (TerminalText), so text from a feed can never
    /// start a line of its own; the record ends with exactly one newline.
    package static func write(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.line(text).utf8))
    }

    /// Writes text as it is (ArgumentParser's multi-line usage and help).
    package static func writeRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
