#ifndef CITYWATCH_CLIBXML2_SHIM_H
#define CITYWATCH_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its <unicode/*.h> clash with Foundation's bundled ICU in any Swift file that
   imports both. Only xmlCharEncodingHandler's private ICU fields depend on this, and we never touch them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>
#include <libxml/xmlstring.h>

/// Swift cannot see xmlFree (a macro-ish global function pointer); wrap it.
static inline void cw_xmlFree(void *p) { if (p) xmlFree(p); }

/// Silence libxml2's default error printing on stderr for this thread.
static void cw_xml_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cw_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, cw_xml_silent_generic);
}

/// The element name of a node as a C string (NULL when none).
static inline const char *cw_node_name(xmlNodePtr n) { return n ? (const char *)n->name : NULL; }


/* ---- Feed parser helpers (CityWatchFeeds) ---- */

/* glibc's memmem, which Swift's Glibc module leaves out (it is declared only under _GNU_SOURCE). */
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

/// Whether `needle` occurs in `haystack`.
static inline int cw_contains_bytes(const void *haystack, size_t length, const void *needle, size_t needleLength) {
    return memmem(haystack, length, needle, needleLength) != NULL;
}

/// Whether the last parse with this context was well-formed.
static inline int cw_ctxt_well_formed(xmlParserCtxtPtr ctxt) { return ctxt ? ctxt->wellFormed : 0; }

/// Whether the last parse had no namespace errors (an undeclared prefix leaves wellFormed set).
static inline int cw_ctxt_ns_well_formed(xmlParserCtxtPtr ctxt) { return ctxt ? ctxt->nsWellFormed : 0; }

/// The first line of libxml2's last error message for this context (NULL when none).
static inline const char *cw_ctxt_error_message(xmlParserCtxtPtr ctxt) { return ctxt ? ctxt->lastError.message : NULL; }

/// The line of libxml2's last error for this context.
static inline int cw_ctxt_error_line(xmlParserCtxtPtr ctxt) { return ctxt ? ctxt->lastError.line : 0; }

/// Parses UTF-8 bytes as a feed: recover, no network, no DTD load, no entity substitution, errors kept quiet.
/// What xmlCtxtReadMemory does, except that libxml2 2.9's memory input gets no read callback: with one (a no-op)
/// the parser tries to "grow" the input at nearly every token of a document under 250 bytes, a tenth of the
/// parse. Kept when libxml2 may switch to a decoder (UTF-16/32 or EBCDIC looks, which the decoder has to feed)
/// or for inputs over its lookup limit (the callback exempts memory inputs from "Huge input lookup").
static inline xmlDocPtr cw_feed_read(xmlParserCtxtPtr ctxt, const char *bytes, int size, const char *url) {
    int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    xmlCtxtReset(ctxt);
    /* No encoding: naming "UTF-8" would route every byte through libxml2's UTF-8-to-UTF-8 copier.
       The bytes are UTF-8 already and IGNORE_ENC makes libxml2 disregard the (stale) declaration. */
    xmlCharEncoding detected = size >= 4 ? xmlDetectCharEncoding((const xmlChar *)bytes, 4) : XML_CHAR_ENCODING_NONE;
    int inPlace = (detected == XML_CHAR_ENCODING_NONE || detected == XML_CHAR_ENCODING_UTF8) && size < XML_MAX_LOOKUP_LIMIT;
    /* The copy libxml2 makes starts as a 2 * xmlDefaultBufferSize (8 KB) buffer, doubled until the bytes fit:
       most feeds are under 1 KB. When nothing will be appended to it (no decoder), size it to the bytes.
       xmlDefaultBufferSize is this thread's setting; it is put back at once. */
    int defaultSize = xmlDefaultBufferSize;
    if (inPlace) xmlDefaultBufferSize = size / 2 + 1;
    xmlParserInputBufferPtr buffer = xmlParserInputBufferCreateMem(bytes, size, XML_CHAR_ENCODING_NONE);
    xmlDefaultBufferSize = defaultSize;
    if (buffer == NULL) return NULL;
    if (inPlace) buffer->readcallback = NULL;
    xmlParserInputPtr stream = xmlNewIOInputStream(ctxt, buffer, XML_CHAR_ENCODING_NONE);
    if (stream == NULL) { xmlFreeParserInputBuffer(buffer); return NULL; }
    inputPush(ctxt, stream);
    xmlCtxtUseOptions(ctxt, options);
    if (url != NULL && ctxt->input->filename == NULL) ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)url);
    xmlParseDocument(ctxt);
    /* With XML_PARSE_RECOVER the document is kept even when not well-formed, as in xmlCtxtReadMemory. */
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    return doc;
}

/// cw_feed_read with another SAX2 handler set (FeedDocument's), the context's own put back afterwards.
/// The document returned is what the handler's startDocument made (libxml2's default: an empty document with the URL).
static inline xmlDocPtr cw_feed_read_events(xmlParserCtxtPtr ctxt, xmlSAXHandlerPtr sax, const char *bytes, int size,
                                            const char *url) {
    xmlSAXHandlerPtr own = ctxt->sax;
    ctxt->sax = sax;
    xmlDocPtr doc = cw_feed_read(ctxt, bytes, size, url);
    ctxt->sax = own;
    return doc;
}

#endif
