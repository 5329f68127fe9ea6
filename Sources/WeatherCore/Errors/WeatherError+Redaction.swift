extension WeatherError {
    /// The error with `key`'s literal value (and its percent-encoded form) redacted from every
    /// text it carries — message, query, URL, decoding token, underlying cause — as well as URL userinfo and secret
    /// query items: an upstream or a proxy that echoes the bare key in its answer must not have it
    /// quoted into a log line or a response.
    func redacting(_ key: APIKey) -> WeatherError {
        let secrets = [key.value]
        var error = self
        error.message = URLRedaction.redact(message, secrets: secrets)
        error.query = query.map { URLRedaction.redact($0, secrets: secrets) }
        error.url = url.map { URLRedaction.redact($0, secrets: secrets) }
        error.underlying = underlying.map { URLRedaction.redact($0, secrets: secrets) }
        error.token = token.map { URLRedaction.redact($0, secrets: secrets) }
        return error
    }
}
