#ifndef WEATHER_CCURL_SHIM_H
#define WEATHER_CCURL_SHIM_H
#include <curl/curl.h>

/* libcurl's option and info setters are variadic, which Swift cannot call. These typed
 * wrappers give each argument type its own function. */

typedef size_t (*wt_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode wt_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_ALL); }

static inline CURLcode wt_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wt_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wt_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wt_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wt_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wt_easy_setopt_callback(CURL *handle, CURLoption option, wt_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wt_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode wt_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode wt_multi_setopt_pointer(CURLM *handle, CURLMoption option, void *value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode wt_multi_setopt_socket_callback(CURLM *handle, curl_socket_callback value) {
    return curl_multi_setopt(handle, CURLMOPT_SOCKETFUNCTION, value);
}

static inline CURLMcode wt_multi_setopt_timer_callback(CURLM *handle, curl_multi_timer_callback value) {
    return curl_multi_setopt(handle, CURLMOPT_TIMERFUNCTION, value);
}

/* The pseudo socket that tells curl_multi_socket_action a timer expired. */
static inline curl_socket_t wt_socket_timeout(void) { return CURL_SOCKET_TIMEOUT; }

/* CURLMsg.data is an anonymous union; read its result here. */
static inline CURLcode wt_msg_result(const CURLMsg *message) { return message->data.result; }

static inline int wt_msg_is_done(const CURLMsg *message) { return message->msg == CURLMSG_DONE; }

#endif
