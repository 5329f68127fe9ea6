import CCurl
public import WeatherCore
