import Foundation

/// Loads a CLI input: a file path, `-` for standard input, or an http(s)/file URL (through the Fetcher).
package enum InputLoader {
    package struct Loaded: Sendable {
        package var data: Data
        /// The URL the bytes came from (nil for files and stdin).
        package var url: String?
        /// The charset named by the HTTP Content-Type, if any.
        package var charset: String?
        /// The HTTP response headers, names lower-cased (empty for files and stdin).
        package var headers: [String: String] = [:]
    }

    /// - Parameter fetcher: for URLs; one is made when none is given (files need none).
    package static func load(_ input: String, maxBytes: Int = 10_485_760, fetcher: Fetcher? = nil) async throws -> Loaded {
        if input == "-" {
            return Loaded(data: FileHandle.standardInput.readDataToEndOfFile(), url: nil, charset: nil)
        }
        // Anything with a scheme goes to the Fetcher, which names the schemes it refuses (ftp://, ...).
        if hasSchemeSeparator(input), FetchRequest.scheme(of: input) != nil {
            // The URL was given by the user: its own origin may be private, a redirect elsewhere may not.
            let fetcher = fetcher ?? Fetcher()
            let response = try await fetcher.fetch(FetchRequest(url: input, maxBytes: maxBytes, access: .trusting(input)))
            return Loaded(data: response.body, url: response.finalURL,
                          charset: ContentType.charset(response.headers["content-type"]), headers: response.headers)
        }
        return Loaded(data: try readFile(input), url: nil, charset: nil)
    }

    /// Whether "://" occurs in `input`, on its bytes (String.contains with Foundation imported goes through
    /// CFStringFind, a tenth of a small feed's parse, once per file of a batch).
    static func hasSchemeSeparator(_ input: String) -> Bool {
        var input = input
        return input.withUTF8 { u in
            guard u.count >= 3 else { return false }
            for i in 1..<(u.count - 1) where u[i] == 0x2F && u[i - 1] == 0x3A && u[i + 1] == 0x2F { return true }
            return false
        }
    }

    /// The whole file in one read of its size, through POSIX calls: FileHandle.readToEnd reads in small
    /// chunks, and Foundation's URL and FileManager calls around it cost as much as parsing a page.
    package static func readFile(_ path: String) throws(InputError) -> Data {
        // C sees a path up to its first NUL: another file than the one named would be read.
        var path = path
        guard !path.withUTF8({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) else {
            throw InputError(message: "cannot read \(FetchRequest.printable(path)): the path holds a NUL byte")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw InputError(message: "no such file: \(path)")
            case EACCES: throw InputError(message: "cannot read \(path): permission denied")
            default: throw InputError(message: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
        }
        defer { close(fd) }
        var info = stat()
        let known = fstat(fd, &info) == 0
        if known, info.st_mode & S_IFMT == S_IFDIR {
            throw InputError(message: "\(path) is a directory, not a document")
        }
        // A regular file read to its size is read to its end: no second read to see the end (one system call
        // per file of a batch).
        let size = known && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        // st_size is 0 for pipes and /proc files: read on in chunks until the end either way. The buffer is
        // malloc'd and handed to Data as it is (Data(count:) zero-fills it first).
        var capacity = max(Int(info.st_size), 0) + 1
        guard var buffer = malloc(capacity) else { throw InputError(message: "cannot read \(path): out of memory") }
        var used = 0
        while true {
            if used == capacity {
                capacity *= 2
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw InputError(message: "cannot read \(path): out of memory")
                }
                buffer = grown
            }
            let n = read(fd, buffer + used, capacity - used)
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                free(buffer)
                throw InputError(message: "cannot read \(path): \(String(cString: strerror(code)))")
            }
            if n == 0 { break }
            used += n
            if size > 0 && used == size { break }
        }
        return Data(bytesNoCopy: buffer, count: used, deallocator: .free)
    }
}

/// A CLI input that could not be read.
package struct InputError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

/// Reads parameters out of a Content-Type header.
package enum ContentType {
    /// The `charset` parameter, lower-cased and unquoted ("text/html; charset=UTF-8" → "utf-8").
    package static func charset(_ header: String?) -> String? {
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
