/// Byte comparison whose time depends only on the lengths, never on where the first difference is: a receiver that
/// compared signatures with `==` would tell an attacker, byte by byte, how much of a forged signature is right.
enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes. Lengths are public (a signature's length is fixed), so a length
    /// mismatch returns early.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices {
            difference |= a[index] ^ b[index]
        }
        return difference == 0
    }
}
