import CCurl
import WeatherCore

/// Owns one libcurl easy handle for one transfer, with everything libcurl points back into:
/// the header list, the error buffer, and `self` as the callbacks' context.
///
/// Used on the curl thread only. The context pointer is unretained: the loop keeps the handle
/// alive for as long as it is attached to the multi handle, and `deinit` frees the C memory.
final class CurlEasyHandle {
    /// The libcurl handle (`CURL *`), also the key the multi handle reports completions with.
    let pointer: UnsafeMutableRawPointer
    /// The `send` call this transfer answers.
    let transfer: PendingTransfer
    private let maxBytes: Int
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var body: [UInt8] = []
    private var headers: [String: String] = [:]
    /// Set when the write callback refused data because the body grew past `maxBytes`.
    private(set) var exceededLimit = false

    /// Creates and configures the easy handle for `transfer`.
    init(transfer: PendingTransfer, configuration: CurlTransport.Configuration) throws {
        guard let pointer = curl_easy_init() else {
            throw WeatherError(
                code: .connectionFailed, message: "libcurl could not create a transfer (out of memory?).",
                url: transfer.request.url)
        }
        self.pointer = pointer
        self.transfer = transfer
        maxBytes = configuration.maxResponseBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        let code = configure(transfer.request, configuration)
        guard code == CURLE_OK else {
            throw CurlErrorMapping.error(
                for: code, text: String(cString: curl_easy_strerror(code)), request: transfer.request,
                exceededLimit: false, maxBytes: maxBytes)
        }
    }

    deinit {
        curl_easy_cleanup(pointer)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(_ request: HTTPRequest, _ configuration: CurlTransport.Configuration) -> CURLcode {
        let context = Unmanaged.passUnretained(self).toOpaque()
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        let steps: [() -> CURLcode] = [
            { wt_easy_setopt_string(self.pointer, CURLOPT_URL, request.url) },
            { wt_easy_setopt_string(self.pointer, CURLOPT_PROTOCOLS_STR, "http,https") },
            { wt_easy_setopt_long(self.pointer, CURLOPT_NOSIGNAL, 1) },
            { wt_easy_setopt_long(self.pointer, CURLOPT_SSL_VERIFYPEER, 1) },
            { wt_easy_setopt_long(self.pointer, CURLOPT_SSL_VERIFYHOST, 2) },
            { wt_easy_setopt_long(self.pointer, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)) },
            { wt_easy_setopt_string(self.pointer, CURLOPT_ACCEPT_ENCODING, "") },
            { wt_easy_setopt_string(self.pointer, CURLOPT_USERAGENT, configuration.userAgent) },
            {
                wt_easy_setopt_long(
                    self.pointer, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
            },
            { wt_easy_setopt_long(self.pointer, CURLOPT_TIMEOUT_MS, configuration.timeout.curlMilliseconds) },
            {
                wt_easy_setopt_off_t(
                    self.pointer, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes))
            },
            { wt_easy_setopt_pointer(self.pointer, CURLOPT_ERRORBUFFER, self.errorBuffer) },
            { wt_easy_setopt_callback(self.pointer, CURLOPT_WRITEFUNCTION, curlWriteCallback) },
            { wt_easy_setopt_pointer(self.pointer, CURLOPT_WRITEDATA, context) },
            { wt_easy_setopt_callback(self.pointer, CURLOPT_HEADERFUNCTION, curlHeaderCallback) },
            { wt_easy_setopt_pointer(self.pointer, CURLOPT_HEADERDATA, context) },
            { wt_easy_setopt_slist(self.pointer, CURLOPT_HTTPHEADER, self.headerList) },
            {
                request.method == "GET"
                    ? wt_easy_setopt_long(self.pointer, CURLOPT_HTTPGET, 1)
                    : wt_easy_setopt_string(self.pointer, CURLOPT_CUSTOMREQUEST, request.method)
            },
            { configuration.caBundlePath.map { wt_easy_setopt_string(self.pointer, CURLOPT_CAINFO, $0) } ?? CURLE_OK },
        ]
        for step in steps {
            let code = step()
            if code != CURLE_OK { return code }
        }
        return CURLE_OK
    }

    /// The response, or the mapped error, once libcurl reported the transfer done with `code`.
    func result(_ code: CURLcode) -> Result<HTTPResponse, any Error> {
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .failure(
                CurlErrorMapping.error(
                    for: code, text: text, request: transfer.request, exceededLimit: exceededLimit, maxBytes: maxBytes))
        }
        var status = 0
        _ = wt_easy_getinfo_long(pointer, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: headers, body: body))
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
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t\r\n")
            headers[name] = value
        }
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

extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
