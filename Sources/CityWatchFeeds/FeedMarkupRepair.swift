#if canImport(Glibc)
import Glibc
#endif

/// Fixes, before libxml2 sees them, the faults that would make it drop text a reader would see: HTML entities
/// without a DTD (`&nbsp;`), bare ampersands, control characters, and text before the root element.
enum FeedMarkupRepair {
    struct Result {
        /// The repaired bytes; nil when nothing needed repair.
        var bytes: [UInt8]?
        var problems: [String]
    }

    /// - Parameter mayHaveControls: false when the caller already knows there are no C0 control characters,
    ///   which lets the scan jump from '&' to '&' eight bytes at a time.
    static func repair(_ b: UnsafeBufferPointer<UInt8>, mayHaveControls: Bool = true) -> Result {
        var out: [UInt8]? = nil
        var problems: [String] = []
        var copied = 0  // bytes of b already accounted for in out
        let n = b.count
        var declared: Set<[UInt8]> = []
        var undefinedEntities = 0, bareAmpersands = 0, controls = 0, decodedEntities = 0

        @inline(__always) func flush(_ upTo: Int, _ out: inout [UInt8]?) {
            if out == nil { out = []; out!.reserveCapacity(n + 64) }
            if upTo > copied { out!.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<upTo])) }
        }

        var i = 0
        // Text before the root: skip whitespace, then anything up to the first '<'.
        while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        if i + 2 < n, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        if i < n, b[i] != 0x3C {
            var j = i
            while j < n, b[j] != 0x3C { j += 1 }
            if j < n {
                problems.append("text before the root element ignored")
                out = []; out!.reserveCapacity(n); copied = j; i = j
            }
        }
        // A file cut off inside a tag ("<item><title><![CD"): drop the broken tail rather than show it as text.
        var end = n
        while end > i, b[end - 1] != 0x3C && b[end - 1] != 0x3E { end -= 1 }
        let limit = end > i && b[end - 1] == 0x3C ? end - 1 : n
        if limit < n { problems.append("document ends inside a tag; the broken tail was dropped") }
        let fast = !mayHaveControls
        while i < limit {
            if fast {
                // Only '&' and "<!" (comments, CDATA, DOCTYPE) matter; processing instructions hold no entities.
                i = nextAmpersandOrBang(b, from: i)
                if i >= limit { break }
                if b[i] == 0x21 {
                    if i > 0, b[i - 1] == 0x3C { i -= 1 } else { i += 1; continue }
                }
            }
            let c = b[i]
            if c == 0x3C {  // '<'
                // Every branch moves past the '!': the fast scan above steps back onto this '<' from it.
                if i + 1 < n, b[i + 1] == 0x21 {
                    if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D { i = skip(b, from: i + 4, until: "-->"); continue }
                    if i + 8 < n, b[i + 2] == 0x5B, b[i + 3] == 0x43 { i = skip(b, from: i + 9, until: "]]>"); continue }
                    if i + 2 < n, b[i + 2] == 0x44 || b[i + 2] == 0x64 {
                        i = skipDoctype(b, from: i + 2, declared: &declared); continue
                    }
                    i += 2
                    continue
                } else if !fast, i + 1 < n, b[i + 1] == 0x3F {
                    i = skip(b, from: i + 2, until: "?>"); continue
                }
                i += 1
                continue
            }
            if c == 0x26 {  // '&'
                let (kind, end) = classifyReference(b, at: i, declared: declared)
                switch kind {
                case .fine:
                    i = end
                case .upperHex:  // "&#X41;" is not XML, but it is what the publisher meant
                    flush(i, &out); out!.append(contentsOf: [0x26, 0x23, 0x78]); copied = i + 3; i = end
                case .bare:
                    flush(i, &out); out!.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]); copied = i + 1; i += 1
                    bareAmpersands += 1
                case .html(let scalar):
                    flush(i, &out)
                    appendCharRef(scalar, to: &out!)
                    copied = end; i = end
                    decodedEntities += 1
                case .unknown:
                    flush(i, &out); out!.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]); copied = i + 1; i = end
                    undefinedEntities += 1
                }
                continue
            }
            if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D {
                flush(i, &out); copied = i + 1; controls += 1
            }
            i += 1
        }
        if out != nil || limit < n { flush(limit, &out) }
        if decodedEntities > 0 { problems.append("\(decodedEntities) HTML entity reference(s) used without a DTD, decoded") }
        if undefinedEntities > 0 { problems.append("\(undefinedEntities) undefined entity reference(s) kept as text") }
        if bareAmpersands > 0 { problems.append("\(bareAmpersands) bare ampersand(s) read as text") }
        if controls > 0 { problems.append("\(controls) control character(s) not allowed in XML removed") }
        return Result(bytes: out, problems: problems)
    }

    /// The index of the next '&' or '!' at or after `start` (b.count when none), eight bytes at a time.
    @inline(__always)
    static func nextAmpersandOrBang(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = b.count
        var i = start
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let x = v ^ 0x2626_2626_2626_2626, y = v ^ 0x2121_2121_2121_2121
                if ((x &- ones) & ~x & highs) | ((y &- ones) & ~y & highs) != 0 { break }
                i += 8
            }
        }
        while i < n {
            let c = b[i]
            if c == 0x26 || c == 0x21 { return i }
            i += 1
        }
        return n
    }

    enum Reference { case fine, bare, html(UInt32), unknown, upperHex }

    /// What the '&' at `i` starts, and where the reference ends.
    static func classifyReference(_ b: UnsafeBufferPointer<UInt8>, at i: Int, declared: Set<[UInt8]>) -> (Reference, Int) {
        let n = b.count
        var j = i + 1
        if j < n, b[j] == 0x23 {  // '#'
            j += 1
            let hex = j < n && (b[j] == 0x78 || b[j] == 0x58)
            if hex { j += 1 }
            let start = j
            while j < n, isDigit(b[j], hex: hex) { j += 1 }
            if j > start, j < n, b[j] == 0x3B { return (hex && b[i + 2] == 0x58 ? .upperHex : .fine, j + 1) }
            return (.bare, i + 1)
        }
        let start = j
        while j < n, j - start < 32, isNameByte(b[j]) { j += 1 }
        guard j > start, j < n, b[j] == 0x3B else { return (.bare, i + 1) }
        let name = UnsafeBufferPointer(rebasing: b[start..<j])
        if isPredefined(name) { return (.fine, j + 1) }
        if !declared.isEmpty, declared.contains(Array(name)) { return (.fine, j + 1) }
        if let scalar = htmlEntities[String(decoding: name, as: UTF8.self)] { return (.html(scalar), j + 1) }
        return (.unknown, i + 1)
    }

    @inline(__always) static func isDigit(_ c: UInt8, hex: Bool) -> Bool {
        (c >= 0x30 && c <= 0x39) || (hex && ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66))
    }

    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool {
        (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x3A
    }

    static func isPredefined(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        switch s.count {
        case 2: return (s[0] == 0x6C || s[0] == 0x67) && s[1] == 0x74  // lt gt
        case 3: return s[0] == 0x61 && s[1] == 0x6D && s[2] == 0x70  // amp
        case 4: return (s[0] == 0x71 && s[1] == 0x75 && s[2] == 0x6F && s[3] == 0x74)
            || (s[0] == 0x61 && s[1] == 0x70 && s[2] == 0x6F && s[3] == 0x73)  // quot apos
        default: return false
        }
    }

    static func appendCharRef(_ v: UInt32, to out: inout [UInt8]) {
        out.append(0x26); out.append(0x23)
        out.append(contentsOf: Array(String(v).utf8)); out.append(0x3B)
    }

    static func skip(_ b: UnsafeBufferPointer<UInt8>, from: Int, until end: StaticString) -> Int {
        let e = end.utf8Start, m = end.utf8CodeUnitCount
        guard let base = b.baseAddress else { return b.count }
        var i = from
        while i + m <= b.count {
            // memchr to the terminator's first byte ('-', ']', '?'), rare inside comments and CDATA.
            guard let hit = memchr(base + i, Int32(e[0]), b.count - m + 1 - i) else { break }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < m, b[i + k] == e[k] { k += 1 }
            if k == m { return i + m }
            i += 1
        }
        return b.count
    }

    /// Skips a DOCTYPE with its internal subset, noting the entities it declares.
    static func skipDoctype(_ b: UnsafeBufferPointer<UInt8>, from: Int, declared: inout Set<[UInt8]>) -> Int {
        var i = from, depth = 0
        var quote: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if quote != 0 { if c == quote { quote = 0 }; i += 1; continue }
            switch c {
            case 0x22, 0x27: quote = c
            case 0x5B: depth += 1
            case 0x5D: depth -= 1
            case 0x3E: if depth <= 0 { return i + 1 }
            case 0x3C:
                if i + 8 < b.count, b[i + 1] == 0x21, b[i + 2] == 0x45, b[i + 3] == 0x4E, b[i + 4] == 0x54 {  // <!ENT
                    var j = i + 8
                    while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x25 { j += 1 }
                    let s = j
                    while j < b.count, isNameByte(b[j]) { j += 1 }
                    if j > s { declared.insert(Array(b[s..<j])) }
                    i = j
                    continue
                }
            default: break
            }
            i += 1
        }
        return b.count
    }

    static let htmlEntities: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for pair in entityList.split(separator: ",") {
            let kv = pair.split(separator: ":")
            table[String(kv[0])] = UInt32(kv[1], radix: 16)
        }
        return table
    }()

    /// The HTML 4 named character references (the set feed publishers use without declaring them).
    static let entityList =
        "AElig:c6,Aacute:c1,Acirc:c2,Agrave:c0,Alpha:391,Aring:c5,Atilde:c3,Auml:c4,Beta:392,Ccedil:c7,Chi:3a7," +
        "Dagger:2021,Delta:394,ETH:d0,Eacute:c9,Ecirc:ca,Egrave:c8,Epsilon:395,Eta:397,Euml:cb,Gamma:393,Iacute:cd," +
        "Icirc:ce,Igrave:cc,Iota:399,Iuml:cf,Kappa:39a,Lambda:39b,Mu:39c,Ntilde:d1,Nu:39d,OElig:152,Oacute:d3,Ocirc:d4," +
        "Ograve:d2,Omega:3a9,Omicron:39f,Oslash:d8,Otilde:d5,Ouml:d6,Phi:3a6,Pi:3a0,Prime:2033,Psi:3a8,Rho:3a1," +
        "Scaron:160,Sigma:3a3,THORN:de,Tau:3a4,Theta:398,Uacute:da,Ucirc:db,Ugrave:d9,Upsilon:3a5,Uuml:dc,Xi:39e," +
        "Yacute:dd,Yuml:178,Zeta:396,aacute:e1,acirc:e2,acute:b4,aelig:e6,agrave:e0,alefsym:2135,alpha:3b1,amp:26," +
        "and:2227,ang:2220,aring:e5,asymp:2248,atilde:e3,auml:e4,bdquo:201e,beta:3b2,brvbar:a6,bull:2022,cap:2229," +
        "ccedil:e7,cedil:b8,cent:a2,chi:3c7,circ:2c6,clubs:2663,cong:2245,copy:a9,crarr:21b5,cup:222a,curren:a4," +
        "dArr:21d3,dagger:2020,darr:2193,deg:b0,delta:3b4,diams:2666,divide:f7,eacute:e9,ecirc:ea,egrave:e8,empty:2205," +
        "emsp:2003,ensp:2002,epsilon:3b5,equiv:2261,eta:3b7,eth:f0,euml:eb,euro:20ac,exist:2203,fnof:192,forall:2200," +
        "frac12:bd,frac14:bc,frac34:be,frasl:2044,gamma:3b3,ge:2265,gt:3e,hArr:21d4,harr:2194,hearts:2665,hellip:2026," +
        "iacute:ed,icirc:ee,iexcl:a1,igrave:ec,image:2111,infin:221e,int:222b,iota:3b9,iquest:bf,isin:2208,iuml:ef," +
        "kappa:3ba,lArr:21d0,lambda:3bb,lang:2329,laquo:ab,larr:2190,lceil:2308,ldquo:201c,le:2264,lfloor:230a," +
        "lowast:2217,loz:25ca,lrm:200e,lsaquo:2039,lsquo:2018,lt:3c,macr:af,mdash:2014,micro:b5,middot:b7,minus:2212," +
        "mu:3bc,nabla:2207,nbsp:a0,ndash:2013,ne:2260,ni:220b,not:ac,notin:2209,nsub:2284,ntilde:f1,nu:3bd,oacute:f3," +
        "ocirc:f4,oelig:153,ograve:f2,oline:203e,omega:3c9,omicron:3bf,oplus:2295,or:2228,ordf:aa,ordm:ba,oslash:f8," +
        "otilde:f5,otimes:2297,ouml:f6,para:b6,part:2202,permil:2030,perp:22a5,phi:3c6,pi:3c0,piv:3d6,plusmn:b1," +
        "pound:a3,prime:2032,prod:220f,prop:221d,psi:3c8,quot:22,rArr:21d2,radic:221a,rang:232a,raquo:bb,rarr:2192," +
        "rceil:2309,rdquo:201d,real:211c,reg:ae,rfloor:230b,rho:3c1,rlm:200f,rsaquo:203a,rsquo:2019,sbquo:201a," +
        "scaron:161,sdot:22c5,sect:a7,shy:ad,sigma:3c3,sigmaf:3c2,sim:223c,spades:2660,sub:2282,sube:2286,sum:2211," +
        "sup:2283,sup1:b9,sup2:b2,sup3:b3,supe:2287,szlig:df,tau:3c4,there4:2234,theta:3b8,thetasym:3d1,thinsp:2009," +
        "thorn:fe,tilde:2dc,times:d7,trade:2122,uArr:21d1,uacute:fa,uarr:2191,ucirc:fb,ugrave:f9,uml:a8,upsih:3d2," +
        "upsilon:3c5,uuml:fc,weierp:2118,xi:3be,yacute:fd,yen:a5,yuml:ff,zeta:3b6,zwj:200d,zwnj:200c"
}
