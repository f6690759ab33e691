import Foundation

/// Substring tests on UTF-8 bytes: Foundation's `String.contains(String)` goes through NSString and
/// dominated the profile when asked for every element of a page.
package enum ByteSearch {
    package static func contains(_ haystack: String, _ needle: String) -> Bool {
        var hay = haystack
        var pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n in
                guard n.count > 0 else { return true }
                guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                return find(hb, h.count, nb, n.count)
            }
        }
    }

    package static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard n.count > 0 else { return true }
                guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                return find(hb, h.count, nb, n.count)
            }
        }
    }

    package static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
        var hay = haystack
        return hay.withUTF8 { h in
            guard let hb = h.baseAddress else { return false }
            for needle in needles {
                var pin = needle
                let found = pin.withUTF8 { n in n.count <= h.count && find(hb, h.count, n.baseAddress!, n.count) }
                if found { return true }
            }
            return false
        }
    }

    /// memchr for the first byte, memcmp for the rest (memmem is a GNU extension Swift does not see).
    private static func find(_ h: UnsafePointer<UInt8>, _ hn: Int, _ n: UnsafePointer<UInt8>, _ nn: Int) -> Bool {
        guard nn > 0 else { return true }
        var i = 0
        while i + nn <= hn {
            guard let hit = memchr(h + i, Int32(n[0]), hn - i - nn + 1) else { return false }
            let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(h + at, n, nn) == 0 { return true }
            i = at + 1
        }
        return false
    }

    /// Whether `bytes` hold `lowerNeedle` with ASCII letters matched in either case (the needle is lower-case).
    package static func containsCaseInsensitive(_ bytes: UnsafeRawBufferPointer, _ lowerNeedle: String) -> Bool {
        let needle = Array(lowerNeedle.utf8)
        guard !needle.isEmpty else { return true }
        guard bytes.count >= needle.count else { return false }
        let h = bytes.bindMemory(to: UInt8.self)
        for at in 0...(h.count - needle.count) {
            var k = 0
            while k < needle.count {
                let b = h[at + k], n = needle[k]
                if b != n && !(b | 0x20 == n && n >= 0x61 && n <= 0x7A) { break }
                k += 1
            }
            if k == needle.count { return true }
        }
        return false
    }

    /// ASCII letters and digits form words; anything else separates them.
    package static func words(_ s: String) -> [Substring] {
        s.utf8.split(whereSeparator: { b in
            !((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A))
        }).map { Substring($0) }
    }
}
