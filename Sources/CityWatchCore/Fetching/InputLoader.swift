import Foundation

/// Loads a CLI input: a file path, `-` for standard input, or an http(s)/file URL (through the Fetcher).
public enum InputLoader {
    public struct Loaded: Sendable {
        public var data: Data
        /// The URL the bytes came from (nil for files and stdin).
        public var url: String?
        /// The charset named by the HTTP Content-Type, if any.
        public var charset: String?
        /// The HTTP response headers, names lower-cased (empty for files and stdin).
        public var headers: [String: String] = [:]
    }

    public static func load(_ input: String, maxBytes: Int = 10_485_760, fetcher: Fetcher = Fetcher()) async throws -> Loaded {
        if input == "-" {
            return Loaded(data: FileHandle.standardInput.readDataToEndOfFile(), url: nil, charset: nil)
        }
        // Anything with a scheme goes to the Fetcher, which names the schemes it refuses (ftp://, ...).
        if FetchRequest(url: input).scheme != nil, input.contains("://") {
            let response = try await fetcher.fetch(FetchRequest(url: input, maxBytes: maxBytes))
            return Loaded(data: response.body, url: response.finalURL,
                          charset: ContentType.charset(response.headers["content-type"]), headers: response.headers)
        }
        guard let handle = FileHandle(forReadingAtPath: input) else {
            throw InputError(message: FileManager.default.fileExists(atPath: input)
                             ? "cannot read \(input): permission denied" : "no such file: \(input)")
        }
        defer { try? handle.close() }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
            throw InputError(message: "\(input) is a directory, not a document")
        }
        // One read of the file's size (FileHandle.readToEnd reads in small chunks and appends).
        return Loaded(data: try Data(contentsOf: URL(fileURLWithPath: input)), url: nil, charset: nil)
    }
}

/// A CLI input that could not be read.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads parameters out of a Content-Type header.
public enum ContentType {
    /// The `charset` parameter, lower-cased and unquoted ("text/html; charset=UTF-8" → "utf-8").
    public static func charset(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "charset" {
                let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
