import CCurl
import HTTPTypes
import WeatherCore

/// Owns one libcurl easy handle, with everything libcurl points back into: the header list,
/// the error buffer, and `self` as the callbacks' context. The event loop reuses handles from
/// transfer to transfer (as libcurl recommends), setting only the per-request options again.
///
/// Used on the curl thread only. The context pointer is unretained: the loop keeps the handle
/// alive for as long as it is attached to the multi handle, and `deinit` frees the C memory.
final class CurlEasyHandle {
    /// The libcurl handle (`CURL *`), also the key the multi handle reports completions with.
    let pointer: UnsafeMutableRawPointer
    /// The `send` call the current transfer answers; `nil` while the handle is idle.
    private(set) var transfer: PendingTransfer?
    private let maxBytes: Int
    /// The configuration's whole-transfer timeout; a request's own ``TransportRequest/timeout`` may shorten it.
    private let timeout: Duration
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// Whether the last transfer changed the method (a custom one, or a body making it a POST).
    private var changedMethod = false
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var body: [UInt8] = []
    /// The header lines of the last header block, as received (parsed off the curl thread).
    private var headerBytes: [UInt8] = []
    /// Set when the write callback refused data because the body grew past `maxBytes`.
    private(set) var exceededLimit = false

    /// Creates an easy handle with the options every transfer of `configuration` shares.
    init(configuration: CurlTransport.Configuration) throws(CurlSetupError) {
        guard let pointer = curl_easy_init() else { throw CurlSetupError(code: CURLE_OUT_OF_MEMORY) }
        self.pointer = pointer
        maxBytes = configuration.maxResponseBytes
        timeout = configuration.timeout
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        let code = configureShared(configuration)
        guard code == CURLE_OK else { throw CurlSetupError(code: code) }
    }

    deinit {
        curl_easy_cleanup(pointer)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configureShared(_ configuration: CurlTransport.Configuration) -> CURLcode {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var failure = CURLE_OK
        func set(_ code: CURLcode) { if failure == CURLE_OK { failure = code } }
        // HTTP(S) only, so a URL can never make libcurl speak another protocol (libcurl ≥ 7.85;
        // older versions do not know the option and keep their default).
        let protocols = wt_easy_setopt_string(pointer, CURLOPT_PROTOCOLS_STR, "http,https")
        if protocols != CURLE_UNKNOWN_OPTION { set(protocols) }
        set(wt_easy_setopt_long(pointer, CURLOPT_NOSIGNAL, 1))
        set(wt_easy_setopt_long(pointer, CURLOPT_SSL_VERIFYPEER, 1))
        set(wt_easy_setopt_long(pointer, CURLOPT_SSL_VERIFYHOST, 2))
        set(wt_easy_setopt_long(pointer, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)))
        set(wt_easy_setopt_string(pointer, CURLOPT_ACCEPT_ENCODING, ""))
        set(wt_easy_setopt_string(pointer, CURLOPT_USERAGENT, configuration.userAgent))
        set(wt_easy_setopt_long(pointer, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout)))
        set(wt_easy_setopt_long(pointer, CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.timeout)))
        set(wt_easy_setopt_off_t(pointer, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes)))
        set(wt_easy_setopt_pointer(pointer, CURLOPT_ERRORBUFFER, errorBuffer))
        set(wt_easy_setopt_callback(pointer, CURLOPT_WRITEFUNCTION, curlWriteCallback))
        set(wt_easy_setopt_pointer(pointer, CURLOPT_WRITEDATA, context))
        set(wt_easy_setopt_callback(pointer, CURLOPT_HEADERFUNCTION, curlHeaderCallback))
        set(wt_easy_setopt_pointer(pointer, CURLOPT_HEADERDATA, context))
        if let path = configuration.caBundlePath { set(wt_easy_setopt_string(pointer, CURLOPT_CAINFO, path)) }
        if let path = configuration.clientCertificatePath { set(wt_easy_setopt_string(pointer, CURLOPT_SSLCERT, path)) }
        if let path = configuration.clientKeyPath { set(wt_easy_setopt_string(pointer, CURLOPT_SSLKEY, path)) }
        return failure
    }

    /// Prepares the handle for `transfer`: URL, headers, method, body and timeout. Attach it to the
    /// multi handle afterwards.
    func start(_ transfer: PendingTransfer) -> CURLcode {
        let request = transfer.request
        self.transfer = transfer
        errorBuffer[0] = 0
        var failure = CURLE_OK
        func set(_ code: CURLcode) { if failure == CURLE_OK { failure = code } }
        set(wt_easy_setopt_string(pointer, CURLOPT_URL, request.head.absoluteURL))
        let limit = request.timeout.map { min($0, timeout) } ?? timeout
        set(wt_easy_setopt_long(pointer, CURLOPT_TIMEOUT_MS, Self.milliseconds(limit)))
        var newList: UnsafeMutablePointer<curl_slist>?
        for field in request.head.headerFields {
            newList = curl_slist_append(newList, "\(field.name.rawName): \(field.value)")
        }
        if newList != nil || headerList != nil { set(wt_easy_setopt_slist(pointer, CURLOPT_HTTPHEADER, newList)) }
        curl_slist_free_all(headerList)
        headerList = newList
        if changedMethod {
            // Back to a plain GET without a body, as a fresh handle starts.
            set(wt_easy_setopt_string(pointer, CURLOPT_CUSTOMREQUEST, nil))
            set(wt_easy_setopt_long(pointer, CURLOPT_HTTPGET, 1))
            changedMethod = false
        }
        if let body = request.body {
            // Copied by libcurl (the array need not outlive this call); the size first, so bytes
            // after a NUL are sent too. A body makes the request a POST unless a method is set below.
            set(wt_easy_setopt_off_t(pointer, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            if body.isEmpty {
                set(wt_easy_setopt_string(pointer, CURLOPT_COPYPOSTFIELDS, ""))
            } else {
                set(
                    body.withUnsafeBufferPointer { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { chars in
                            wt_easy_setopt_string(pointer, CURLOPT_COPYPOSTFIELDS, chars.baseAddress)
                        }
                    })
            }
            changedMethod = true
        }
        let method = request.head.method
        if method != .get && !(method == .post && request.body != nil) {
            set(wt_easy_setopt_string(pointer, CURLOPT_CUSTOMREQUEST, method.rawValue))
            changedMethod = true
        }
        return failure
    }

    /// A timeout as libcurl's `*_MS` options take it: whole milliseconds, at least 1 (0 would mean none).
    private static func milliseconds(_ timeout: Duration) -> Int {
        Int(max(1, timeout.roundedUpMilliseconds))
    }

    /// Forgets the finished or cancelled transfer, so the handle can serve another one.
    func recycle() {
        transfer = nil
        body = []
        headerBytes.removeAll(keepingCapacity: true)
        exceededLimit = false
    }

    /// The response, or the mapped error, once libcurl reported the transfer done with `code`.
    func result(_ code: CURLcode) -> Result<CurlRawResponse, any Error> {
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .failure(
                CurlErrorMapping.error(
                    for: code, text: text, url: transfer?.request.redactedURL,
                    exceededLimit: exceededLimit, maxBytes: maxBytes))
        }
        var status = 0
        _ = wt_easy_getinfo_long(pointer, CURLINFO_RESPONSE_CODE, &status)
        return .success(CurlRawResponse(status: status, headerBytes: headerBytes, body: body))
    }

    /// Appends body bytes; refuses them (aborting the transfer) past the size limit.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= maxBytes else {
            exceededLimit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Records one header line; a status line starts a new header block (after a 100 or a proxy CONNECT).
    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        if bytes.starts(with: "HTTP/".utf8) { headerBytes.removeAll(keepingCapacity: true) }
        headerBytes.append(contentsOf: bytes)
        return bytes.count
    }
}

/// libcurl's write callback: hands the bytes to the easy handle in `context`.
private let curlWriteCallback: wt_curl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let handle = Unmanaged<CurlEasyHandle>.fromOpaque(context).takeUnretainedValue()
    return handle.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

/// libcurl's header callback: hands one header line to the easy handle in `context`.
private let curlHeaderCallback: wt_curl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let handle = Unmanaged<CurlEasyHandle>.fromOpaque(context).takeUnretainedValue()
    return handle.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
}

/// libcurl refused to create or configure an easy handle.
struct CurlSetupError: Error {
    var code: CURLcode
}
