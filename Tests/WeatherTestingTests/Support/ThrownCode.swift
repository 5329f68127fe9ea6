import WeatherCore

/// The code of the `WeatherError` that `body` throws; `nil` when it throws nothing or something else.
func thrownCode(_ body: () async throws -> Void) async -> WeatherError.Code? {
    do {
        try await body()
        return nil
    } catch {
        return (error as? WeatherError)?.code
    }
}
