/// A mistake in the arguments found while running (a bad place, date or list): exit status 2.
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong and how to write it instead.
    var message: String
    /// The message.
    var description: String { message }
}
