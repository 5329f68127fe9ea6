import Foundation

/// Writes to the standard streams without buffering surprises (stderr lines appear in order).
enum Console {
    /// Writes `text` and a newline to stdout.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes one line to stderr; newlines inside `text` become spaces, so it stays one line.
    static func err(_ text: String) {
        let line = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
