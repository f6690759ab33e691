import Foundation

/// Unbuffered writes to standard output (whole strings; a CLI's results).
public enum StandardOutput {
    public static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Unbuffered writes to standard error (diagnostics and journald lines).
public enum StandardError {
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
