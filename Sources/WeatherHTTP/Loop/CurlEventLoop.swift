import CCurl
import Foundation
import Synchronization
import WeatherCore

/// The dedicated thread that drives the multi handle, and the mailbox through which Swift tasks
/// hand it work: new transfers, cancellations and the stop request.
///
/// Tasks never block: they append to the mailbox under a short lock and wake the thread (one
/// byte down a pipe it polls). The thread owns every easy handle; it frees each one as soon as
/// its transfer completes or is cancelled, and the multi handle — closing the cached
/// connections — when it stops.
final class CurlEventLoop: Sendable {
    private struct Mailbox {
        var submitted: [PendingTransfer] = []
        var cancelled: [PendingTransfer] = []
        var isStopping = false
        var isClosed = false
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let mailbox = Mutex(Mailbox())
    private let multi: CurlMultiHandle
    private let configuration: CurlTransport.Configuration

    /// Creates the multi handle and starts the thread.
    init(configuration: CurlTransport.Configuration) {
        self.configuration = configuration
        multi = CurlMultiHandle(maxConnectionsPerHost: configuration.maxConnectionsPerHost)
        let thread = Thread { [self] in
            // Named from inside: Foundation on Linux applies the name to the running thread only.
            Thread.current.name = "CurlTransport"
            run()
        }
        thread.start()
    }

    /// Queues a transfer for the thread; fails it at once when the loop is stopping.
    func submit(_ transfer: PendingTransfer) {
        let (accepted, needsWakeup) = mailbox.withLock { mailbox in
            guard !mailbox.isStopping else { return (false, false) }
            // One wakeup per batch: a non-empty mailbox already has one pending.
            let wasEmpty = mailbox.submitted.isEmpty
            mailbox.submitted.append(transfer)
            return (true, wasEmpty)
        }
        if needsWakeup { multi.wakeup() }
        if !accepted { transfer.finish(.failure(Self.shutDownError(transfer.request))) }
    }

    /// Asks the thread to remove a cancelled transfer.
    func cancel(_ transfer: PendingTransfer) {
        let queued = mailbox.withLock { mailbox in
            guard !mailbox.isClosed else { return false }
            mailbox.cancelled.append(transfer)
            return true
        }
        if queued { multi.wakeup() }
    }

    /// Asks the thread to fail what is running, free every handle and exit.
    func requestStop() {
        let first = mailbox.withLock { mailbox in
            defer { mailbox.isStopping = true }
            return !mailbox.isStopping
        }
        if first { multi.wakeup() }
    }

    /// Whether ``requestStop()`` has been called.
    var isStopRequested: Bool { mailbox.withLock { $0.isStopping } }

    /// Returns once the thread has exited and freed every handle.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = mailbox.withLock { mailbox in
                if mailbox.isClosed { return true }
                mailbox.exitWaiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// The most idle easy handles kept for reuse.
    private static let idleHandleLimit = 32

    /// The thread's body.
    private func run() {
        var running: [ObjectIdentifier: CurlEasyHandle] = [:]
        var byPointer: [UnsafeMutableRawPointer: CurlEasyHandle] = [:]
        var idle: [CurlEasyHandle] = []
        func detach(_ easy: CurlEasyHandle) {
            multi.remove(easy)
            if let transfer = easy.transfer { running[ObjectIdentifier(transfer)] = nil }
            byPointer[easy.pointer] = nil
        }
        func recycle(_ easy: CurlEasyHandle) {
            easy.recycle()
            if idle.count < Self.idleHandleLimit { idle.append(easy) }
        }
        func start(_ transfer: PendingTransfer) {
            let easy: CurlEasyHandle
            if let reused = idle.popLast() {
                easy = reused
            } else {
                do {
                    easy = try CurlEasyHandle(configuration: configuration)
                } catch {
                    transfer.finish(.failure(setupError(error.code, transfer.request)))
                    return
                }
            }
            let code = easy.start(transfer)
            guard code == CURLE_OK, multi.add(easy) else {
                transfer.finish(.failure(setupError(code, transfer.request)))
                recycle(easy)
                return
            }
            running[ObjectIdentifier(transfer)] = easy
            byPointer[easy.pointer] = easy
        }
        while true {
            let (submitted, cancelled, isStopping) = mailbox.withLock { mailbox in
                defer {
                    mailbox.submitted.removeAll(keepingCapacity: true)
                    mailbox.cancelled.removeAll(keepingCapacity: true)
                }
                return (mailbox.submitted, mailbox.cancelled, mailbox.isStopping)
            }
            for transfer in cancelled {
                guard let easy = running[ObjectIdentifier(transfer)] else { continue }
                detach(easy)
                recycle(easy)
            }
            if isStopping {
                for easy in Array(running.values) {
                    detach(easy)
                    if let transfer = easy.transfer { transfer.finish(.failure(Self.shutDownError(transfer.request))) }
                }
                for transfer in submitted { transfer.finish(.failure(Self.shutDownError(transfer.request))) }
                break
            }
            for transfer in submitted where !transfer.isFinished { start(transfer) }
            multi.wait(upTo: .seconds(1))
            while let (pointer, code) = multi.nextCompletion() {
                guard let easy = byPointer[pointer] else { continue }
                detach(easy)
                let result = easy.result(code)
                easy.transfer?.finish(result)
                recycle(easy)
            }
        }
        running.removeAll()
        byPointer.removeAll()
        idle.removeAll()
        multi.close()
        let waiters = mailbox.withLock { mailbox in
            mailbox.isClosed = true
            defer { mailbox.exitWaiters.removeAll() }
            return mailbox.exitWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func setupError(_ code: CURLcode, _ request: TransportRequest) -> WeatherError {
        if code == CURLE_OK {
            return WeatherError(
                code: .connectionFailed, message: "libcurl refused to start the transfer. Try again.",
                url: request.redactedURL)
        }
        return CurlErrorMapping.error(
            for: code, text: String(cString: curl_easy_strerror(code)), url: request.redactedURL, exceededLimit: false,
            maxBytes: configuration.maxResponseBytes)
    }

    private static func shutDownError(_ request: TransportRequest) -> WeatherError {
        WeatherError(
            code: .connectionFailed,
            message: "The transport was shut down before the request completed. Create a new CurlTransport.",
            url: request.redactedURL)
    }
}
