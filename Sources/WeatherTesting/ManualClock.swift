public import WeatherCore
