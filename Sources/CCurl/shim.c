#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libcurl's ABI values (curl/curl.h): option numbers are a type base plus an index. */
#define OPT_LONG 0
#define OPT_OBJECT 10000
#define OPT_FUNCTION 20000
#define OPT_OFF_T 30000

#define CURLOPT_WRITEDATA (OPT_OBJECT + 1)
#define CURLOPT_URL (OPT_OBJECT + 2)
#define CURLOPT_ERRORBUFFER (OPT_OBJECT + 10)
#define CURLOPT_WRITEFUNCTION (OPT_FUNCTION + 11)
#define CURLOPT_POSTFIELDS (OPT_OBJECT + 15)
#define CURLOPT_HTTPHEADER (OPT_OBJECT + 23)
#define CURLOPT_HEADERDATA (OPT_OBJECT + 29)
#define CURLOPT_CUSTOMREQUEST (OPT_OBJECT + 36)
#define CURLOPT_NOPROGRESS (OPT_LONG + 43)
#define CURLOPT_NOBODY (OPT_LONG + 44)
#define CURLOPT_HEADERFUNCTION (OPT_FUNCTION + 79)
#define CURLOPT_NOSIGNAL (OPT_LONG + 99)
#define CURLOPT_TIMEOUT_MS (OPT_LONG + 155)
#define CURLOPT_XFERINFODATA (OPT_OBJECT + 57)
#define CURLOPT_XFERINFOFUNCTION (OPT_FUNCTION + 219)
#define CURLOPT_POSTFIELDSIZE_LARGE (OPT_OFF_T + 120)
#define CURLINFO_LONG 0x200000
#define CURLINFO_RESPONSE_CODE (CURLINFO_LONG + 2)
#define CURL_GLOBAL_ALL 3

typedef void CURL;
struct curl_slist;
typedef size_t (*write_callback)(char *, size_t, size_t, void *);
typedef int (*xferinfo_callback)(void *, int64_t, int64_t, int64_t, int64_t);

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    char failure[PANYA_CURL_MESSAGE_CAPACITY];
    int loaded;
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4", "libcurl.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(curl.failure, sizeof curl.failure, "libcurl could not be loaded (%s); install libcurl4", why ? why : "not found");
        return;
    }
#define FIND(field, symbol)                                                                          \
    do {                                                                                             \
        *(void **)(&curl.field) = dlsym(library, symbol);                                            \
        if (curl.field == NULL) {                                                                    \
            snprintf(curl.failure, sizeof curl.failure, "libcurl has no %s; install libcurl4", symbol); \
            return;                                                                                  \
        }                                                                                            \
    } while (0)
    FIND(global_init, "curl_global_init");
    FIND(easy_init, "curl_easy_init");
    FIND(easy_setopt, "curl_easy_setopt");
    FIND(easy_perform, "curl_easy_perform");
    FIND(easy_getinfo, "curl_easy_getinfo");
    FIND(easy_cleanup, "curl_easy_cleanup");
    FIND(easy_strerror, "curl_easy_strerror");
    FIND(slist_append, "curl_slist_append");
    FIND(slist_free_all, "curl_slist_free_all");
#undef FIND
    if (curl.global_init(CURL_GLOBAL_ALL) != 0) {
        snprintf(curl.failure, sizeof curl.failure, "libcurl did not start");
        return;
    }
    curl.loaded = 1;
}

/* Appends bytes; returns 0 when memory ran out. */
static int append(panya_curl_buffer *buffer, const char *bytes, size_t count) {
    if (count == 0) return 1;
    if (buffer->count + count > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (capacity < buffer->count + count) {
            if (capacity > SIZE_MAX / 2) return 0;
            capacity *= 2;
        }
        unsigned char *grown = realloc(buffer->bytes, capacity);
        if (grown == NULL) return 0;
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->count, bytes, count);
    buffer->count += count;
    return 1;
}

static size_t collect(char *bytes, size_t size, size_t count, void *target) {
    if (size != 0 && count > SIZE_MAX / size) return 0;
    return append((panya_curl_buffer *)target, bytes, size * count) ? size * count : 0;
}

struct stop_check {
    panya_curl_should_stop should_stop;
    void *context;
};

static int progress(void *data, int64_t dltotal, int64_t dlnow, int64_t ultotal, int64_t ulnow) {
    (void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
    struct stop_check *check = data;
    return check->should_stop != NULL && check->should_stop(check->context) ? 1 : 0;
}

int panya_curl_perform(const char *method, const char *url,
                       const char *const *headers, size_t header_count,
                       const unsigned char *body, size_t body_length,
                       long timeout_ms,
                       panya_curl_should_stop should_stop, void *context,
                       panya_curl_response *response,
                       char *message, size_t message_capacity) {
    memset(response, 0, sizeof *response);
    if (message_capacity > 0) message[0] = '\0';
    pthread_once(&load_once, load);
    if (!curl.loaded) {
        snprintf(message, message_capacity, "%s", curl.failure);
        return PANYA_CURL_UNAVAILABLE;
    }
    CURL *handle = curl.easy_init();
    if (handle == NULL) {
        snprintf(message, message_capacity, "libcurl could not make a request handle");
        return PANYA_CURL_NO_MEMORY;
    }
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) {
        struct curl_slist *next = curl.slist_append(list, headers[i]);
        if (next == NULL) {
            curl.slist_free_all(list);
            curl.easy_cleanup(handle);
            snprintf(message, message_capacity, "out of memory for the request's headers");
            return PANYA_CURL_NO_MEMORY;
        }
        list = next;
    }
    char error[PANYA_CURL_MESSAGE_CAPACITY] = {0};
    struct stop_check check = {should_stop, context};
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, list);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, (write_callback)collect);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &response->body);
    curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, (write_callback)collect);
    curl.easy_setopt(handle, CURLOPT_HEADERDATA, &response->headers);
    curl.easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, (xferinfo_callback)progress);
    curl.easy_setopt(handle, CURLOPT_XFERINFODATA, &check);
    if (strcmp(method, "HEAD") == 0) {
        curl.easy_setopt(handle, CURLOPT_NOBODY, 1L);
    } else {
        curl.easy_setopt(handle, CURLOPT_CUSTOMREQUEST, method);
        if (body_length > 0 || strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0) {
            static const unsigned char empty[1] = {0};
            curl.easy_setopt(handle, CURLOPT_POSTFIELDS, body_length > 0 ? body : empty);
            curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (int64_t)body_length);
        }
    }
    int code = curl.easy_perform(handle);
    if (code == 0) {
        curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response->status);
    } else {
        snprintf(message, message_capacity, "%s", error[0] ? error : curl.easy_strerror(code));
    }
    curl.easy_cleanup(handle);
    curl.slist_free_all(list);
    return code;
}

void panya_curl_free(panya_curl_response *response) {
    free(response->headers.bytes);
    free(response->body.bytes);
    memset(response, 0, sizeof *response);
}
