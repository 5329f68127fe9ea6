/// The bytes of one encoding and the containers still open in it, innermost last.
///
/// Values are written in place as they come: a keyed container writes `"key":value` members
/// separated by commas and, when it closes, puts its members in key order if they did not come
/// in that order (sorted keys make equal values equal bytes, hence equal ETags on every replica).
/// Synthesized `Encodable` code fills a container completely before its parent writes again, so
/// a container closes when its parent is next written to. Anything else — writing to a container
/// that has closed, a value that writes nothing, `superEncoder`, a type JSONEncoder treats
/// specially — sets ``unsupported``, and the caller falls back to Foundation's encoder.
package final class JSONOutput {
    /// The JSON written so far.
    package var bytes: [UInt8] = []
    /// Set when the value used the Codable API in a way this writer does not follow.
    package var unsupported = false
    /// The encoder's `userInfo` (the unit system of quantities).
    package let userInfo: [CodingUserInfoKey: Any]

    private struct Frame {
        package var id: Int
        package var isObject: Bool
        package var count = 0
        /// Where each member's `"key":` starts, with its key, for putting members in order.
        package var members: [(key: String, start: Int)] = []
        /// Just after the opening bracket.
        package var contentStart: Int
    }

    private var frames: [Frame] = []
    private var nextID = 0

    package init(userInfo: [CodingUserInfoKey: Any]) {
        self.userInfo = userInfo
        bytes.reserveCapacity(1024)
    }

    /// A handle on an open container: its position in the stack and its identity.
    package struct Handle {
        package var depth: Int
        package var id: Int
    }

    /// Opens an object (`isObject`) or an array; the caller has already begun the slot it fills.
    func open(object isObject: Bool) -> Handle {
        nextID += 1
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        frames.append(Frame(id: nextID, isObject: isObject, contentStart: bytes.count))
        return Handle(depth: frames.count - 1, id: nextID)
    }

    /// Whether `handle`'s container is still open (closing the ones opened inside it).
    package func makeCurrent(_ handle: Handle) -> Bool {
        guard !unsupported, handle.depth < frames.count, frames[handle.depth].id == handle.id else {
            unsupported = true
            return false
        }
        while frames.count > handle.depth + 1 { closeInnermost() }
        return true
    }

    /// Begins a member of the object `handle`: the comma, then `keyBytes` (`"key":`).
    package func beginMember(_ handle: Handle, key: String, keyBytes: [UInt8]) -> Bool {
        guard makeCurrent(handle) else { return false }
        if frames[handle.depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[handle.depth].count += 1
        frames[handle.depth].members.append((key, bytes.count))
        bytes.append(contentsOf: keyBytes)
        return true
    }

    /// Begins an element of the array `handle`: the comma before all but the first.
    package func beginElement(_ handle: Handle) -> Bool {
        guard makeCurrent(handle) else { return false }
        if frames[handle.depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[handle.depth].count += 1
        return true
    }

    /// How many elements the container `handle` holds so far.
    package func count(_ handle: Handle) -> Int {
        handle.depth < frames.count && frames[handle.depth].id == handle.id ? frames[handle.depth].count : 0
    }

    /// Closes every open container; the bytes are then complete.
    package func finish() {
        while !frames.isEmpty { closeInnermost() }
    }

    private func closeInnermost() {
        let frame = frames.removeLast()
        guard frame.isObject else {
            bytes.append(UInt8(ascii: "]"))
            return
        }
        var sorted = true
        for index in frame.members.indices.dropFirst() where !(frame.members[index - 1].key < frame.members[index].key) {
            sorted = false
            break
        }
        if !sorted { reorder(frame) }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Rewrites the object's members in key order (a repeated key is not JSONEncoder's output: fall back).
    private func reorder(_ frame: Frame) {
        let end = bytes.count
        var spans: [(key: String, range: Range<Int>)] = []
        spans.reserveCapacity(frame.members.count)
        for (index, member) in frame.members.enumerated() {
            // A member ends just before the comma that starts the next one.
            let memberEnd = index + 1 < frame.members.count ? frame.members[index + 1].start - 1 : end
            spans.append((member.key, member.start..<memberEnd))
        }
        spans.sort { $0.key < $1.key }
        for index in spans.indices.dropFirst() where spans[index - 1].key == spans[index].key {
            unsupported = true
            return
        }
        var region: [UInt8] = []
        region.reserveCapacity(end - frame.contentStart)
        for (index, span) in spans.enumerated() {
            if index > 0 { region.append(UInt8(ascii: ",")) }
            region.append(contentsOf: bytes[span.range])
        }
        bytes.replaceSubrange(frame.contentStart..<end, with: region)
    }
}
