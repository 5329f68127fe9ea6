extension HTTPRequest: CustomReflectable {
    /// A mirror showing the redacted URL, so `dump(request)` and debuggers never reveal the API key.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["method": method, "url": redactedURL, "headers": headers],
            displayStyle: .struct)
    }
}
