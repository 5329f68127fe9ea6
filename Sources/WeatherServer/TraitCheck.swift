import WeatherServerCore
import WeatherPages

#if !Service
    #error(
        "WeatherServer needs the package trait \"Service\" (a default one): keep the default traits of your dependency on weather-tracker."
    )
#endif
