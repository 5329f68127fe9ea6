import WeatherServerFuzzing

/// libFuzzer's entry point: `NAME=VALUE` lines as the service's environment.
///
/// A configuration error naming its variable is the expected outcome; a trap, a sanitizer report,
/// an error naming no known variable or quoting a secret (see `ParserProbes.configuration`) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes: [UInt8] = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    ServiceFuzzing.configuration(bytes)
    return 0
}
