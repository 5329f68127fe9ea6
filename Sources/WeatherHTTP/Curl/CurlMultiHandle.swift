import CCurl
import WeatherCore

/// Owns the libcurl multi handle: the connection cache, the DNS cache and the poll loop.
///
/// `@unchecked Sendable` is safe because every method except ``wakeup()`` is called from the
/// curl thread only (``CurlEventLoop/run()``), and ``wakeup()`` — which libcurl documents as
/// callable from any thread — is only called under the event loop's mailbox lock while the
/// loop is not closed; ``close()`` runs on the curl thread after the loop was marked closed
/// under that same lock, so no wakeup can touch a freed handle.
final class CurlMultiHandle: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    private var isClosed = false

    /// Creates the multi handle with a per-host connection limit.
    init(maxConnectionsPerHost: Int) {
        CurlGlobal.initializeOnce()
        guard let pointer = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.pointer = pointer
        _ = wt_multi_setopt_long(pointer, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, maxConnectionsPerHost))
        _ = wt_multi_setopt_long(pointer, CURLMOPT_MAXCONNECTS, max(8, maxConnectionsPerHost * 4))
        _ = wt_multi_setopt_long(pointer, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    /// Attaches a transfer; libcurl starts it on the next ``perform()``.
    func add(_ easy: CurlEasyHandle) -> Bool { curl_multi_add_handle(pointer, easy.pointer) == CURLM_OK }

    /// Detaches a transfer (finished or cancelled); an unfinished one loses its connection.
    func remove(_ easy: CurlEasyHandle) { _ = curl_multi_remove_handle(pointer, easy.pointer) }

    /// Lets libcurl move every transfer forward without blocking.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(pointer, &running)
    }

    /// The next finished transfer: its easy handle and result code.
    func nextCompletion() -> (UnsafeMutableRawPointer, CURLcode)? {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(pointer, &remaining) {
            if wt_msg_is_done(message) != 0, let easy = message.pointee.easy_handle {
                return (easy, wt_msg_result(message))
            }
        }
        return nil
    }

    /// Sleeps until a socket is ready, a libcurl timer fires, ``wakeup()`` is called, or `milliseconds` pass.
    func poll(milliseconds: Int32) {
        var ready: Int32 = 0
        _ = curl_multi_poll(pointer, nil, 0, milliseconds, &ready)
    }

    /// Interrupts ``poll(milliseconds:)`` from any thread.
    func wakeup() { _ = curl_multi_wakeup(pointer) }

    /// Frees the multi handle; every easy handle must have been removed.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = curl_multi_cleanup(pointer)
    }
}

/// `curl_global_init`, once per process, before the first handle.
enum CurlGlobal {
    private static let initialized: Bool = { wt_curl_global_init() == CURLE_OK }()

    /// Initializes libcurl (thread-safe; later calls do nothing).
    static func initializeOnce() { _ = initialized }
}
