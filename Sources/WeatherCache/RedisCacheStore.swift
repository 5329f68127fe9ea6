import CHiredis
public import WeatherCore
