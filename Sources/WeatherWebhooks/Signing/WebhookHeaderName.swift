/// The headers a Standard Webhooks delivery carries.
public enum WebhookHeaderName {
    /// `webhook-id`: the message's unique id, the same on every retry (receivers deduplicate by it).
    public static let id = "webhook-id"
    /// `webhook-timestamp`: when the delivery was signed, in whole seconds since 1970-01-01 UTC.
    public static let timestamp = "webhook-timestamp"
    /// `webhook-signature`: one or more space-separated `v1,<base64>` signatures.
    public static let signature = "webhook-signature"
}
