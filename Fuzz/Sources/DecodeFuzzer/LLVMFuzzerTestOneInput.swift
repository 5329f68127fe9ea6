import WeatherCore

/// libFuzzer's entry point: decodes one input with every model's decoder.
///
/// A typed `WeatherError` is the expected outcome for most inputs; anything else — a trap,
/// an out-of-bounds read caught by AddressSanitizer, a hang — is a finding. The result of a
/// successful decode is also compared with a second decode of the same bytes, so a decoder
/// that reads uninitialised or stale state shows up as a crash too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes: [UInt8] = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    for model in fuzzedDecoders {
        decodeTwice(model, bytes)
    }
    return 0
}

/// Decodes `bytes` as `model` twice and traps if the two outcomes differ.
private func decodeTwice(_ model: any OpenWeatherDecodable.Type, _ bytes: [UInt8]) {
    let first = outcome(model, bytes)
    let second = outcome(model, bytes)
    precondition(first == second, "\(model): decoding the same bytes twice gave \(first) then \(second)")
}

/// A comparable summary of one decode: the error's code, path and offset, or the observation time.
private func outcome(_ model: any OpenWeatherDecodable.Type, _ bytes: [UInt8]) -> String {
    do {
        let value = try model.init(jsonBytes: bytes)
        return "ok \(String(describing: value.observedAt))"
    } catch {
        return "error \(error.code) \(error.jsonPath ?? "-") \(error.offset.map(String.init) ?? "-")"
    }
}
