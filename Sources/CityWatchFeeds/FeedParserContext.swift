import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Parsing state kept per thread and reused across documents: the libxml2 parser context (creating one costs
/// about as much as parsing a small feed; libxml2 resets it at the start of every parse), the element names seen
/// (see NamespaceCache) and the iconv converters (glibc loads and unloads a gconv module on every
/// iconv_open/iconv_close pair).
final class FeedParserContext {
    private(set) var ctxt: xmlParserCtxtPtr
    let namespaces = NamespaceCache()
    /// The document SAX2 events are read into (see readEvents).
    let document: FeedDocument
    /// Converters by charset name; nil values remember the names iconv does not know.
    private var converters: [String: iconv_t?] = [:]

    /// Charset names come from documents: past this many, converters are opened and closed per use.
    private static let maxConverters = 32

    private init(ctxt: xmlParserCtxtPtr) {
        self.ctxt = ctxt
        document = FeedDocument(namespaces: namespaces)
    }

    deinit {
        document.reset()
        xmlFreeParserCtxt(ctxt)
        for case let cd? in converters.values { iconv_close(cd) }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            if let raw { Unmanaged<FeedParserContext>.fromOpaque(raw).release() }
        }
        return key
    }()

    /// This thread's context, created on first use (nil when libxml2 cannot allocate one).
    static func current() -> FeedParserContext? {
        if let raw = pthread_getspecific(key) { return Unmanaged<FeedParserContext>.fromOpaque(raw).takeUnretainedValue() }
        guard let ctxt = xmlNewParserCtxt() else { return nil }
        // Encoding errors go to libxml2's per-thread generic handler, which NOERROR does not cover.
        cw_xml_silence_errors()
        let context = FeedParserContext(ctxt: ctxt)
        pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// The context's dictionary keeps every name and short text it interns, across documents: past this many
    /// entries the context is replaced, so a long-running process does not grow it without bound.
    private static let maxDictionaryEntries = 200_000

    /// Parses UTF-8 bytes to a tree with the feed options (see cw_feed_read).
    func read(_ bytes: UnsafeBufferPointer<UInt8>, baseURL: String?) -> xmlDocPtr? {
        renewIfFull()
        let doc = bytes.withMemoryRebound(to: CChar.self) { chars in
            cw_feed_read(ctxt, chars.baseAddress, Int32(chars.count), baseURL)
        }
        namespaces.reset(dict: ctxt.pointee.dict)
        return doc
    }

    private func renewIfFull() {
        if let dict = ctxt.pointee.dict, xmlDictSize(dict) > Self.maxDictionaryEntries, let fresh = xmlNewParserCtxt() {
            document.reset()  // its names belong to the old dictionary
            xmlFreeParserCtxt(ctxt)
            ctxt = fresh
            namespaces.forgetNames()
        }
    }

    /// Parses UTF-8 bytes as `read` does, into `document` from SAX2 events instead of a tree (same parser, same
    /// options, same errors in the context). nil when the document held what FeedDocument does not model: it is
    /// then to be read with `read`. The document is valid until the next parse on this thread.
    func readEvents(_ bytes: UnsafeBufferPointer<UInt8>, baseURL: String?) -> FeedDocument? {
        renewIfFull()
        document.reset()
        var handler = FeedDocument.handler
        ctxt.pointee._private = Unmanaged.passUnretained(document).toOpaque()
        let doc = bytes.withMemoryRebound(to: CChar.self) { chars in
            cw_feed_read_events(ctxt, &handler, chars.baseAddress, Int32(chars.count), baseURL)
        }
        ctxt.pointee._private = nil
        namespaces.reset(dict: ctxt.pointee.dict)
        document.adopt(doc)
        if document.unsupported {
            document.reset()
            return nil
        }
        return document
    }

    /// A converter from `charset` to UTF-8 in its initial state, handed to `body`; nil when iconv does not know it.
    func withConverter<R>(_ charset: String, _ body: (iconv_t?) -> R) -> R {
        let name = charset.uppercased()
        if let known = converters[name] {
            guard let cd = known else { return body(nil) }
            iconv(cd, nil, nil, nil, nil)  // back to the initial shift state
            return body(cd)
        }
        let opened = iconv_open("UTF-8", name)
        let cd = opened == iconv_t(bitPattern: -1) ? nil : opened
        guard converters.count < Self.maxConverters else {
            defer { if let cd { iconv_close(cd) } }
            return body(cd)
        }
        converters[name] = .some(cd)
        return body(cd)
    }
}
