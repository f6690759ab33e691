#ifndef CITYWATCH_CLIBXML2_SHIM_H
#define CITYWATCH_CLIBXML2_SHIM_H

/* libxml2's encoding.h pulls in ICU's headers when LIBXML_ICU_ENABLED, and they clash with Foundation's
   own copy of ICU in any Swift file that imports both. Nothing here touches the ICU fields of
   xmlCharEncodingHandler (it is only used through pointers), so hide them. */
#include <libxml/xmlversion.h>
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

#endif
