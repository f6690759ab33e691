/// Guesses the charset of a document that declares none and is not UTF-8, from the scripts its non-ASCII text
/// decodes to: Japanese needs kana, Korean Hangul, Chinese only ideographs; single-byte scripts (Cyrillic, Thai,
/// Hebrew) need whole words of non-ASCII bytes, which Latin text with accents never has. nil when unsure.
enum FeedCharsetGuess {
    struct Guess {
        var name: String
        var utf8: [UInt8]
    }

    struct Census {
        var total = 0, kana = 0, hangul = 0, han = 0, cjkPunct = 0, cyrillic = 0, cyrillicLower = 0, thai = 0, hebrew = 0

        init(_ utf8: [UInt8]) {
            for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 {
                let v = scalar.value
                total += 1
                switch v {
                case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: kana += 1
                case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
                case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: han += 1
                case 0x3000...0x303F, 0xFF00...0xFF65, 0x2010...0x206F: cjkPunct += 1
                case 0x0430...0x044F, 0x0450...0x045F: cyrillic += 1; cyrillicLower += 1
                case 0x0400...0x042F: cyrillic += 1
                case 0x0E00...0x0E7F: thai += 1
                case 0x0590...0x05FF: hebrew += 1
                default: break
                }
            }
        }
    }

    static func guess(_ b: UnsafeBufferPointer<UInt8>) -> Guess? {
        func decode(_ charset: String) -> [UInt8]? { FeedEncoding.iconvToUTF8(b, from: 0, charset: charset, strict: true) }
        // Double-byte East Asian encodings: strict decoding already rules most of them out.
        if let u = decode("EUC-JP"), Census(u).isJapanese { return Guess(name: "euc-jp", utf8: u) }
        if let u = decode("SHIFT_JIS") ?? decode("CP932"), Census(u).isJapanese { return Guess(name: "shift_jis", utf8: u) }
        if let u = decode("CP949"), Census(u).isKorean { return Guess(name: "euc-kr", utf8: u) }
        if decode("EUC-CN") != nil, let u = decode("GB18030"), Census(u).isChinese { return Guess(name: "gb18030", utf8: u) }
        if let u = decode("BIG5"), Census(u).isChinese { return Guess(name: "big5", utf8: u) }
        // Single-byte scripts: only when the non-ASCII bytes form words of their own.
        guard wordsOfHighBytes(b) else { return nil }
        // Hebrew letters are 0xE0-0xFA in windows-1255, which windows-1251 would read as lower-case Cyrillic; but
        // Russian text always has capitals (0xC0-0xDF) or the letters 0xFB-0xFF, Hebrew never.
        let hebrewShape = !b.contains { ($0 >= 0xC0 && $0 <= 0xDF) || $0 >= 0xFB }
        if hebrewShape, let u = decode("CP1255"), Census(u).mostly(Census(u).hebrew) { return Guess(name: "windows-1255", utf8: u) }
        let koi = decode("KOI8-R"), cp1251 = decode("CP1251")
        let koiCensus = koi.map(Census.init), cpCensus = cp1251.map(Census.init)
        if let k = koiCensus, k.mostly(k.cyrillic), k.cyrillicLower * 2 > k.cyrillic,
           (cpCensus.map { $0.cyrillicLower <= k.cyrillicLower } ?? true) {
            return Guess(name: "koi8-r", utf8: koi!)
        }
        if let c = cpCensus, c.mostly(c.cyrillic), c.cyrillicLower * 2 > c.cyrillic { return Guess(name: "windows-1251", utf8: cp1251!) }
        if let u = decode("CP874"), Census(u).mostly(Census(u).thai) { return Guess(name: "windows-874", utf8: u) }
        return nil
    }

    /// Whether most non-ASCII bytes sit next to other non-ASCII bytes or word breaks, never inside ASCII words.
    static func wordsOfHighBytes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var high = 0, glued = 0
        @inline(__always) func asciiLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        for i in 0..<b.count where b[i] >= 0x80 {
            high += 1
            if (i > 0 && asciiLetter(b[i - 1])) || (i + 1 < b.count && asciiLetter(b[i + 1])) { glued += 1 }
        }
        return high >= 8 && glued * 10 <= high
    }
}

extension FeedCharsetGuess.Census {
    /// Enough text to judge: a few stray bytes are no evidence of anything.
    var enough: Bool { total >= 8 }
    func mostly(_ count: Int) -> Bool { enough && count * 10 >= total * 8 }
    var isJapanese: Bool { enough && kana * 10 >= total && (kana + han + cjkPunct) * 10 >= total * 8 }
    var isKorean: Bool { enough && hangul * 10 >= total * 6 }
    var isChinese: Bool { enough && kana == 0 && hangul == 0 && (han + cjkPunct) * 10 >= total * 8 }
}
