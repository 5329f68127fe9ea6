import WeatherCore
print("example")
