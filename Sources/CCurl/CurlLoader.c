/* libcurl, opened on first use instead of at start-up.
 *
 * libcurl and the libraries it depends on (TLS, SSH, LDAP, Kerberos, IDN, HTTP/2: some thirty) cost about 10 ms
 * to load and relocate, on every run of every command, though only fetching and sending mail use them. This file
 * defines the libcurl functions citywatch calls; each opens libcurl.so.4 the first time one is called (dlopen,
 * once per process) and forwards to it. Without libcurl every call fails the way libcurl reports failures
 * (NULL, an error code), never a crash.
 */
/* curl.h turns curl_easy_setopt and friends into type-checking macros under GCC: these are the functions. */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    void (*free_)(void *);
    time_t (*getdate)(const char *, const time_t *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLSH *(*share_init)(void);
    CURLSHcode (*share_setopt)(CURLSH *, CURLSHoption, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *);
    CURLUcode (*url_get)(CURLU *, CURLUPart, char **, unsigned int);
    CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
} fn;

static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define BIND(field, name) if (!(*(void **)&fn.field = dlsym(lib, name))) return

static void load_once(void) {
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
    BIND(global_init, "curl_global_init"); BIND(easy_init, "curl_easy_init"); BIND(easy_cleanup, "curl_easy_cleanup");
    BIND(easy_setopt, "curl_easy_setopt"); BIND(easy_getinfo, "curl_easy_getinfo"); BIND(easy_perform, "curl_easy_perform");
    BIND(easy_strerror, "curl_easy_strerror"); BIND(free_, "curl_free"); BIND(getdate, "curl_getdate");
    BIND(multi_init, "curl_multi_init"); BIND(multi_cleanup, "curl_multi_cleanup");
    BIND(multi_add_handle, "curl_multi_add_handle"); BIND(multi_remove_handle, "curl_multi_remove_handle");
    BIND(multi_perform, "curl_multi_perform"); BIND(multi_poll, "curl_multi_poll"); BIND(multi_wakeup, "curl_multi_wakeup");
    BIND(multi_info_read, "curl_multi_info_read"); BIND(multi_setopt, "curl_multi_setopt");
    BIND(share_init, "curl_share_init"); BIND(share_setopt, "curl_share_setopt");
    BIND(slist_append, "curl_slist_append"); BIND(slist_free_all, "curl_slist_free_all");
    BIND(url, "curl_url"); BIND(url_cleanup, "curl_url_cleanup"); BIND(url_get, "curl_url_get"); BIND(url_set, "curl_url_set");
    loaded = 1;
}

static int ready(void) {
    pthread_once(&once, load_once);
    return loaded;
}

CURLcode curl_global_init(long flags) { return ready() ? fn.global_init(flags) : CURLE_FAILED_INIT; }
CURL *curl_easy_init(void) { return ready() ? fn.easy_init() : NULL; }
void curl_easy_cleanup(CURL *h) { if (ready()) fn.easy_cleanup(h); }
CURLcode curl_easy_perform(CURL *h) { return ready() ? fn.easy_perform(h) : CURLE_FAILED_INIT; }
const char *curl_easy_strerror(CURLcode code) {
    return ready() ? fn.easy_strerror(code) : "libcurl (libcurl.so.4) could not be loaded";
}
void curl_free(void *p) { if (ready()) fn.free_(p); }
time_t curl_getdate(const char *text, const time_t *unused) { return ready() ? fn.getdate(text, unused) : -1; }

/* The option's number says the type of its argument, as in libcurl itself. */
CURLcode curl_easy_setopt(CURL *h, CURLoption option, ...) {
    if (!ready()) return CURLE_FAILED_INIT;
    va_list ap;
    va_start(ap, option);
    CURLcode result;
    if (option < CURLOPTTYPE_OBJECTPOINT) result = fn.easy_setopt(h, option, va_arg(ap, long));
    else if (option < CURLOPTTYPE_OFF_T) result = fn.easy_setopt(h, option, va_arg(ap, void *));
    else if (option < CURLOPTTYPE_BLOB) result = fn.easy_setopt(h, option, va_arg(ap, curl_off_t));
    else result = fn.easy_setopt(h, option, va_arg(ap, void *));
    va_end(ap);
    return result;
}

CURLcode curl_easy_getinfo(CURL *h, CURLINFO info, ...) {
    if (!ready()) return CURLE_FAILED_INIT;
    va_list ap;
    va_start(ap, info);
    CURLcode result = fn.easy_getinfo(h, info, va_arg(ap, void *));
    va_end(ap);
    return result;
}

CURLM *curl_multi_init(void) { return ready() ? fn.multi_init() : NULL; }
CURLMcode curl_multi_cleanup(CURLM *m) { return ready() ? fn.multi_cleanup(m) : CURLM_BAD_HANDLE; }
CURLMcode curl_multi_add_handle(CURLM *m, CURL *h) { return ready() ? fn.multi_add_handle(m, h) : CURLM_BAD_HANDLE; }
CURLMcode curl_multi_remove_handle(CURLM *m, CURL *h) { return ready() ? fn.multi_remove_handle(m, h) : CURLM_BAD_HANDLE; }
CURLMcode curl_multi_perform(CURLM *m, int *running) { return ready() ? fn.multi_perform(m, running) : CURLM_BAD_HANDLE; }
CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd *fds, unsigned int count, int timeout, int *numfds) {
    return ready() ? fn.multi_poll(m, fds, count, timeout, numfds) : CURLM_BAD_HANDLE;
}
CURLMcode curl_multi_wakeup(CURLM *m) { return ready() ? fn.multi_wakeup(m) : CURLM_BAD_HANDLE; }
CURLMsg *curl_multi_info_read(CURLM *m, int *remaining) { return ready() ? fn.multi_info_read(m, remaining) : NULL; }

CURLMcode curl_multi_setopt(CURLM *m, CURLMoption option, ...) {
    if (!ready()) return CURLM_BAD_HANDLE;
    va_list ap;
    va_start(ap, option);
    CURLMcode result;
    if (option < CURLOPTTYPE_OBJECTPOINT) result = fn.multi_setopt(m, option, va_arg(ap, long));
    else if (option < CURLOPTTYPE_OFF_T) result = fn.multi_setopt(m, option, va_arg(ap, void *));
    else result = fn.multi_setopt(m, option, va_arg(ap, curl_off_t));
    va_end(ap);
    return result;
}

CURLSH *curl_share_init(void) { return ready() ? fn.share_init() : NULL; }

CURLSHcode curl_share_setopt(CURLSH *s, CURLSHoption option, ...) {
    if (!ready()) return CURLSHE_NOT_BUILT_IN;
    va_list ap;
    va_start(ap, option);
    CURLSHcode result;
    if (option == CURLSHOPT_SHARE || option == CURLSHOPT_UNSHARE) result = fn.share_setopt(s, option, va_arg(ap, int));
    else result = fn.share_setopt(s, option, va_arg(ap, void *));
    va_end(ap);
    return result;
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
    return ready() ? fn.slist_append(list, text) : NULL;
}
void curl_slist_free_all(struct curl_slist *list) { if (ready()) fn.slist_free_all(list); }

CURLU *curl_url(void) { return ready() ? fn.url() : NULL; }
void curl_url_cleanup(CURLU *u) { if (ready()) fn.url_cleanup(u); }
CURLUcode curl_url_get(CURLU *u, CURLUPart part, char **out, unsigned int flags) {
    return ready() ? fn.url_get(u, part, out, flags) : CURLUE_OUT_OF_MEMORY;
}
CURLUcode curl_url_set(CURLU *u, CURLUPart part, const char *text, unsigned int flags) {
    return ready() ? fn.url_set(u, part, text, flags) : CURLUE_OUT_OF_MEMORY;
}
