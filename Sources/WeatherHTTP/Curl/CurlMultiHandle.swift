import CCurl
import WeatherCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns the libcurl multi handle (the connection cache, the DNS cache) and drives it with
/// libcurl's socket API: `poll(2)` on exactly the sockets libcurl asked for plus a wake pipe,
/// then `curl_multi_socket_action` on the ready ones only — so an idle connection costs nothing
/// per loop turn, unlike `curl_multi_perform`, which checks every transfer every time.
///
/// `@unchecked Sendable` is safe because every method except ``wakeup()`` is called from the
/// curl thread only (``CurlEventLoop``'s run loop). ``wakeup()`` only writes a byte to the wake
/// pipe, which any thread may do; the pipe stays open until `deinit`, so a late wakeup after
/// ``close()`` is harmless.
final class CurlMultiHandle: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    private let wakeReader: Int32
    private let wakeWriter: Int32
    /// The sockets libcurl wants watched, with the `poll` events it wants.
    private var sockets: [Int32: Int16] = [:]
    /// When libcurl wants `curl_multi_socket_action(CURL_SOCKET_TIMEOUT)`; `nil` when it has no timer.
    private var timerDeadline: ContinuousClock.Instant?
    private var isClosed = false

    /// Creates the multi handle with a per-host connection limit.
    init(maxConnectionsPerHost: Int) {
        CurlGlobal.initializeOnce()
        guard let pointer = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { fatalError("pipe() failed: errno \(errno)") }
        for end in pipeEnds { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        self.pointer = pointer
        wakeReader = pipeEnds[0]
        wakeWriter = pipeEnds[1]
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = wt_multi_setopt_long(pointer, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, maxConnectionsPerHost))
        _ = wt_multi_setopt_long(pointer, CURLMOPT_MAXCONNECTS, max(8, maxConnectionsPerHost * 4))
        _ = wt_multi_setopt_long(pointer, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        _ = wt_multi_setopt_socket_callback(pointer, curlSocketCallback)
        _ = wt_multi_setopt_pointer(pointer, CURLMOPT_SOCKETDATA, context)
        _ = wt_multi_setopt_timer_callback(pointer, curlTimerCallback)
        _ = wt_multi_setopt_pointer(pointer, CURLMOPT_TIMERDATA, context)
    }

    /// Attaches a transfer; libcurl starts it when its timer (set to now) fires in ``wait(upTo:)``.
    func add(_ easy: CurlEasyHandle) -> Bool { curl_multi_add_handle(pointer, easy.pointer) == CURLM_OK }

    /// Detaches a transfer (finished or cancelled); an unfinished one loses its connection.
    func remove(_ easy: CurlEasyHandle) { _ = curl_multi_remove_handle(pointer, easy.pointer) }

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

    /// Sleeps until a socket is ready, libcurl's timer fires, ``wakeup()`` is called, or
    /// `limit` passes; then lets libcurl handle what is ready.
    func wait(upTo limit: Duration) {
        let clock = ContinuousClock()
        var timeout = limit
        if let timerDeadline { timeout = min(timeout, max(.zero, timerDeadline - clock.now)) }
        var descriptors = [pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0)]
        for (socket, events) in sockets { descriptors.append(pollfd(fd: socket, events: events, revents: 0)) }
        let milliseconds = Int32(min(timeout.roundedUpMilliseconds, Int64(Int32.max)))
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        var running: Int32 = 0
        if ready > 0 {
            if descriptors[0].revents != 0 { drainWakePipe() }
            for descriptor in descriptors.dropFirst() where descriptor.revents != 0 {
                var flags: Int32 = 0
                if descriptor.revents & Int16(POLLIN | POLLHUP) != 0 { flags |= CURL_CSELECT_IN }
                if descriptor.revents & Int16(POLLOUT) != 0 { flags |= CURL_CSELECT_OUT }
                if descriptor.revents & Int16(POLLERR | POLLNVAL) != 0 { flags |= CURL_CSELECT_ERR }
                _ = curl_multi_socket_action(pointer, descriptor.fd, flags, &running)
            }
        }
        if let deadline = timerDeadline, deadline <= clock.now {
            timerDeadline = nil
            _ = curl_multi_socket_action(pointer, wt_socket_timeout(), 0, &running)
        }
    }

    /// Interrupts ``wait(upTo:)`` from any thread.
    func wakeup() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// Frees the multi handle (closing its cached connections); every easy handle must have been removed.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = curl_multi_cleanup(pointer)
    }

    deinit {
        close()
        closeDescriptor(wakeReader)
        closeDescriptor(wakeWriter)
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeReader, &buffer, buffer.count) > 0 {}
    }

    /// libcurl's socket callback: watch `socket` for `what` (`CURL_POLL_*`), or stop watching it.
    fileprivate func watch(_ socket: Int32, what: Int32) {
        switch what {
        case CURL_POLL_IN: sockets[socket] = Int16(POLLIN)
        case CURL_POLL_OUT: sockets[socket] = Int16(POLLOUT)
        case CURL_POLL_INOUT: sockets[socket] = Int16(POLLIN | POLLOUT)
        default: sockets[socket] = nil
        }
    }

    /// libcurl's timer callback: `milliseconds < 0` removes the timer, 0 means as soon as possible.
    fileprivate func setTimer(milliseconds: Int) {
        timerDeadline = milliseconds < 0 ? nil : ContinuousClock.now + .milliseconds(milliseconds)
    }
}

/// `close(2)`, out of reach inside the class, whose own `close()` shadows it.
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }

/// `CURLMOPT_SOCKETFUNCTION`: forwards to the multi handle in `context`.
private let curlSocketCallback: curl_socket_callback = { _, socket, what, context, _ in
    guard let context else { return 0 }
    Unmanaged<CurlMultiHandle>.fromOpaque(context).takeUnretainedValue().watch(socket, what: what)
    return 0
}

/// `CURLMOPT_TIMERFUNCTION`: forwards to the multi handle in `context`.
private let curlTimerCallback: curl_multi_timer_callback = { _, milliseconds, context in
    guard let context else { return 0 }
    Unmanaged<CurlMultiHandle>.fromOpaque(context).takeUnretainedValue().setTimer(milliseconds: milliseconds)
    return 0
}

/// `curl_global_init`, once per process, before the first handle.
enum CurlGlobal {
    private static let initialized: Bool = { wt_curl_global_init() == CURLE_OK }()

    /// Initializes libcurl (thread-safe; later calls do nothing).
    static func initializeOnce() { _ = initialized }
}
