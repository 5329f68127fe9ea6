#ifndef WEATHER_CHIREDIS_SHIM_H
#define WEATHER_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#endif
