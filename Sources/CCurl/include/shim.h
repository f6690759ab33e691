#ifndef CITYWATCH_CCURL_SHIM_H
#define CITYWATCH_CCURL_SHIM_H

#include <curl/curl.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them.
   These typed wrappers are the only way the Swift code touches them. */

static inline CURLcode cw_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*cw_write_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*cw_xferinfo_cb)(void *clientp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode cw_setopt_write_function(CURL *h, cw_write_cb f) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode cw_setopt_header_function(CURL *h, cw_write_cb f) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
/* The upload source (SMTP message bodies): same signature as a write callback. */
static inline CURLcode cw_setopt_read_function(CURL *h, cw_write_cb f) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, f); }
static inline CURLcode cw_setopt_xferinfo_function(CURL *h, cw_xferinfo_cb f) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }

/* The socket-opening callback: where a transfer's address is checked before it connects. */
typedef curl_socket_t (*cw_opensocket_cb)(void *clientp, curlsocktype purpose, struct curl_sockaddr *address);
static inline CURLcode cw_setopt_opensocket_function(CURL *h, cw_opensocket_cb f) { return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, f); }
/* SOCK_CLOEXEC is a macro over an enum that Swift imports awkwardly; the socket never leaks into a child. */
static inline curl_socket_t cw_socket_cloexec(int family, int type, int protocol) {
    return socket(family, type | SOCK_CLOEXEC, protocol);
}
/* The address bytes of a curl_sockaddr, with its family: 4 or 16 bytes copied into out (16 bytes). */
static inline int cw_sockaddr_bytes(const struct curl_sockaddr *a, unsigned char *out) {
    if (a->family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)&a->addr;
        memcpy(out, &in->sin_addr, 4); return 4;
    }
    if (a->family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&a->addr;
        memcpy(out, &in6->sin6_addr, 16); return 16;
    }
    return 0;
}

/* The multi and share handles' setopt calls are variadic too. */
static inline CURLMcode cw_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }
static inline CURLSHcode cw_share_setopt_long(CURLSH *s, CURLSHoption o, long v) { return curl_share_setopt(s, o, v); }

/* Called before each request is sent, on a new or a reused connection, with the connection's address. */
typedef int (*cw_prereq_cb)(void *clientp, char *conn_primary_ip, char *conn_local_ip, int conn_primary_port, int conn_local_port);
static inline CURLcode cw_setopt_prereq_function(CURL *h, cw_prereq_cb f) { return curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, f); }

/* CURL_GLOBAL_ALL is a compound macro Swift does not import. */
static inline CURLcode cw_global_init(void) { return curl_global_init(CURL_GLOBAL_ALL); }

static inline CURLcode cw_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cw_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cw_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cw_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }

#endif
