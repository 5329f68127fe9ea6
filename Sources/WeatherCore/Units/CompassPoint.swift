/// One of the 16 points of the compass rose, each covering 22.5° centred on its bearing.
///
/// North covers 348.75° up to (not including) 11.25°, north-north-east 11.25° up to 33.75°, and so on.
public enum CompassPoint: String, Sendable, Hashable, CaseIterable {
    /// North, 0°.
    case n = "N"
    /// North-north-east, 22.5°.
    case nne = "NNE"
    /// North-east, 45°.
    case ne = "NE"
    /// East-north-east, 67.5°.
    case ene = "ENE"
    /// East, 90°.
    case e = "E"
    /// East-south-east, 112.5°.
    case ese = "ESE"
    /// South-east, 135°.
    case se = "SE"
    /// South-south-east, 157.5°.
    case sse = "SSE"
    /// South, 180°.
    case s = "S"
    /// South-south-west, 202.5°.
    case ssw = "SSW"
    /// South-west, 225°.
    case sw = "SW"
    /// West-south-west, 247.5°.
    case wsw = "WSW"
    /// West, 270°.
    case w = "W"
    /// West-north-west, 292.5°.
    case wnw = "WNW"
    /// North-west, 315°.
    case nw = "NW"
    /// North-north-west, 337.5°.
    case nnw = "NNW"

    /// The point whose 22.5° sector holds `degrees` (any value; it is wrapped into 0..<360 first).
    ///
    /// Returns ``n`` for NaN or infinite input, which no sensor reports.
    public init(degrees: Double) {
        guard degrees.isFinite else {
            self = .n
            return
        }
        let normalized = Direction.normalize(degrees)
        // Shift by half a sector so each sector starts at a multiple of 22.5°, then truncate.
        let index = Int(((normalized + 11.25) / 22.5).rounded(.down)) % 16
        self = Self.allCases[index]
    }

    /// The abbreviation, e.g. `NNE`.
    public var abbreviation: String { rawValue }

    /// The bearing at the centre of the sector, in degrees (0 for N, 22.5 for NNE, …).
    public var degrees: Double {
        Double(Self.allCases.firstIndex(of: self) ?? 0) * 22.5
    }

    /// The name in words, e.g. `north-northeast`, `southwest`, `east`.
    public var name: String {
        let words: [Character: String] = ["N": "north", "E": "east", "S": "south", "W": "west"]
        let parts = rawValue.map { words[$0] ?? "" }
        switch parts.count {
        case 3: return "\(parts[0])-\(parts[1])\(parts[2])"
        case 2: return "\(parts[0])\(parts[1])"
        default: return parts.first ?? ""
        }
    }
}
