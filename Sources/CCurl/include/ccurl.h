/*
 * CCurl: the bridge from Swift to libcurl, loaded on first use.
 *
 * Why loaded and not linked: only the live AWS backend speaks HTTP as a client, and linking
 * an HTTP stack (libcurl and its thirty libraries, or Foundation's URLSession over it) costs
 * every panya process several milliseconds of start-up, most of which never send a request.
 * So libcurl is opened with dlopen the first time a request is sent; its functions are found
 * with dlsym; the handful of option numbers used are libcurl's stable ABI values.
 *
 * One call sends one request and collects the status, the raw header lines and the body.
 */
#ifndef PANYA_CCURL_H
#define PANYA_CCURL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Outcomes of panya_curl_perform (besides libcurl's own CURLcode values, returned as is). */
#define PANYA_CURL_OK 0
#define PANYA_CURL_UNAVAILABLE -1   /* libcurl could not be loaded; the message says why */
#define PANYA_CURL_NO_MEMORY -2

/* libcurl's codes panya tells apart (CURLcode values). */
#define PANYA_CURLE_UNSUPPORTED_PROTOCOL 1
#define PANYA_CURLE_URL_MALFORMAT 3
#define PANYA_CURLE_COULDNT_RESOLVE_PROXY 5
#define PANYA_CURLE_COULDNT_RESOLVE_HOST 6
#define PANYA_CURLE_COULDNT_CONNECT 7
#define PANYA_CURLE_WEIRD_SERVER_REPLY 8
#define PANYA_CURLE_OPERATION_TIMEDOUT 28
#define PANYA_CURLE_SSL_CONNECT_ERROR 35
#define PANYA_CURLE_ABORTED_BY_CALLBACK 42
#define PANYA_CURLE_GOT_NOTHING 52
#define PANYA_CURLE_SEND_ERROR 55
#define PANYA_CURLE_RECV_ERROR 56
#define PANYA_CURLE_PEER_FAILED_VERIFICATION 60
#define PANYA_CURLE_SSL_CACERT_BADFILE 77

/* Room for libcurl's error text (CURL_ERROR_SIZE is 256). */
#define PANYA_CURL_MESSAGE_CAPACITY 256

/* A growable byte buffer the library fills; release it with panya_curl_free. */
typedef struct {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
} panya_curl_buffer;

/* What came back: the HTTP status, the header lines as received, the body. */
typedef struct {
    long status;
    panya_curl_buffer headers;
    panya_curl_buffer body;
} panya_curl_response;

/* Asked about once a second and whenever data moves: return non-zero to stop the transfer. */
typedef int (*panya_curl_should_stop)(void *context);

/*
 * Sends one request. `headers` are complete "Name: value" lines. `body` may be NULL when
 * `body_length` is 0; `method` is any verb ("HEAD" asks for no body). Returns PANYA_CURL_OK
 * with `response` filled (free it with panya_curl_free even on failure), a CURLcode, or one of
 * the PANYA_CURL_ codes; `message` then holds a readable reason.
 */
int panya_curl_perform(const char *method, const char *url,
                       const char *const *headers, size_t header_count,
                       const unsigned char *body, size_t body_length,
                       long timeout_ms,
                       panya_curl_should_stop should_stop, void *context,
                       panya_curl_response *response,
                       char *message, size_t message_capacity);

/* Releases what panya_curl_perform allocated in `response`. */
void panya_curl_free(panya_curl_response *response);

#ifdef __cplusplus
}
#endif

#endif
