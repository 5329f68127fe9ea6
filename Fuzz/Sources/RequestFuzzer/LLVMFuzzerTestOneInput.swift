import WeatherServerFuzzing

/// libFuzzer's entry point: one request's query string (for the lookup route chosen by the first
/// byte), `If-None-Match`, `X-Forwarded-For` and `X-Request-Id`, separated by 0xFF bytes.
///
/// A refused input (a 400 or 414 problem) is the expected outcome; a trap, a sanitizer report, a
/// 5xx from a parser or a broken invariant (see `ParserProbes.request`) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes: [UInt8] = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    ServiceFuzzing.request(bytes)
    return 0
}
