#ifndef WEATHER_CCURL_SHIM_H
#define WEATHER_CCURL_SHIM_H
#include <curl/curl.h>
#endif
