public import HTTPTypes

/// One response as a transport received it: swift-http-types' `HTTPResponse` head (status and
/// header fields) and the whole body beside it.
public struct TransportResponse: Sendable, Hashable {
    /// The status and the header fields, as received.
    public var head: HTTPResponse
    /// The body, already decompressed by the transport.
    public var body: [UInt8]

    /// Creates a response from its head and body.
    public init(head: HTTPResponse, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    /// Creates a response with `status`, `headerFields` and `body`.
    public init(status: HTTPResponse.Status, headerFields: HTTPFields = [:], body: [UInt8] = []) {
        self.init(head: HTTPResponse(status: status, headerFields: headerFields), body: body)
    }
}
