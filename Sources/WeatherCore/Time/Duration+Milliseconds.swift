extension Duration {
    /// Whole milliseconds, rounded up, for the APIs that take milliseconds (libcurl's `*_MS`
    /// options, `poll`, Redis `PX`, hiredis timeouts): a positive duration never becomes 0, so a
    /// timeout never turns into "none" and a wait never ends before it is due. Zero stays 0; a
    /// negative duration rounds toward zero.
    package var roundedUpMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return attoseconds % 1_000_000_000_000_000 > 0 ? milliseconds + 1 : milliseconds
    }
}
