import WeatherCore

extension DecoderUnderTest {
    /// WeatherCore's single-pass decoders, straight from the bytes.
    ///
    /// `nil` until WeatherCore has its response models; the benchmark then measures JSONDecoder alone.
    package static func weatherCore() -> DecoderUnderTest? {
        nil
    }
}
