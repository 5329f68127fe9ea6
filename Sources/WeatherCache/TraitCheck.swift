#if !Redis
    #error(
        "WeatherCache needs the package trait \"Redis\" (or \"Service\", a default one): add it to the traits of your dependency on weather-tracker."
    )
#endif
