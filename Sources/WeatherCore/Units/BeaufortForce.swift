/// A force on the Beaufort wind scale, 0 (calm) to 12 (hurricane force).
///
/// The limits are the WMO's, in metres per second at 10 m height (WMO-No. 8, *Guide to
/// Instruments and Methods of Observation*, Beaufort scale table; the same figures as the UK Met
/// Office's table): 0–0.2 calm, 0.3–1.5 light air, 1.6–3.3, 3.4–5.4, 5.5–7.9, 8.0–10.7,
/// 10.8–13.8, 13.9–17.1, 17.2–20.7, 20.8–24.4, 24.5–28.4, 28.5–32.6, and 32.7 or more for force 12.
/// Speeds between two published limits (the table has one decimal) belong to the lower force.
public enum BeaufortForce: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Force 0: smoke rises vertically, the sea is like a mirror.
    case calm = 0
    /// Force 1: smoke drifts, vanes do not move.
    case lightAir
    /// Force 2: wind felt on the face, leaves rustle.
    case lightBreeze
    /// Force 3: leaves and small twigs in constant motion.
    case gentleBreeze
    /// Force 4: dust and loose paper raised, small branches move.
    case moderateBreeze
    /// Force 5: small trees in leaf begin to sway.
    case freshBreeze
    /// Force 6: large branches in motion, umbrellas hard to use.
    case strongBreeze
    /// Force 7: whole trees in motion, walking against the wind is hard.
    case nearGale
    /// Force 8: twigs break off trees.
    case gale
    /// Force 9: slight structural damage.
    case strongGale
    /// Force 10: trees uprooted, considerable structural damage.
    case storm
    /// Force 11: widespread damage.
    case violentStorm
    /// Force 12: devastation.
    case hurricaneForce

    /// The lowest mean speed, in m/s, of forces 1 through 12 (index 0 is force 1).
    @usableFromInline static let lowerLimits: [Double] = [
        0.3, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7,
    ]

    /// The force for a mean wind `speed`. Negative or NaN speeds count as calm.
    @inlinable
    public init(speed: Speed) {
        let metersPerSecond = speed.metersPerSecond
        var force = 0
        while force < Self.lowerLimits.count && metersPerSecond >= Self.lowerLimits[force] { force += 1 }
        self = BeaufortForce(rawValue: force) ?? .calm
    }

    /// The force number, 0–12.
    @inlinable
    public var number: Int { rawValue }

    /// The WMO descriptive term: "Calm", "Light air", …, "Hurricane force".
    public var name: String {
        switch self {
        case .calm: "Calm"
        case .lightAir: "Light air"
        case .lightBreeze: "Light breeze"
        case .gentleBreeze: "Gentle breeze"
        case .moderateBreeze: "Moderate breeze"
        case .freshBreeze: "Fresh breeze"
        case .strongBreeze: "Strong breeze"
        case .nearGale: "Near gale"
        case .gale: "Gale"
        case .strongGale: "Strong gale"
        case .storm: "Storm"
        case .violentStorm: "Violent storm"
        case .hurricaneForce: "Hurricane force"
        }
    }

    /// The lowest mean speed of this force (`0` for calm).
    public var lowerLimit: Speed {
        Speed(metersPerSecond: rawValue == 0 ? 0 : Self.lowerLimits[rawValue - 1])
    }

    /// Orders by force.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
