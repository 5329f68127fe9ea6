#if !Curl
    #error(
        "WeatherHTTP needs the package trait \"Curl\" (or \"Service\", a default one): add it to the traits of your dependency on weather-tracker."
    )
#endif
