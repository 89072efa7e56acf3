import Foundation
import SocialCredit
import Society

/// A further rating as plain numbers: its scale, whether it rates companies (and which sectors),
/// and the weight with which it feeds the main score.
final class RatingNumbers: Sendable {
    let scale: ScaleNumbers
    let companies: Bool
    /// Sector bit mask of rated companies (0: every sector).
    let sectorMask: UInt16
    /// Main-score points per rating point moved from the initial value; 0 when it stands apart.
    let weight: Double

    init(_ rating: Rating) {
        scale = ScaleNumbers(rating.scale)
        companies = rating.subject == .companies
        sectorMask = rating.sectors.reduce(0) { $0 | (1 << UInt16(Sector.allCases.firstIndex(of: $1)!)) }
        weight = rating.scoreWeight ?? 0
    }
}

extension EventContext {
    /// Adds a record's points to the score, or to the rating its rule names.
    @inline(__always) func addPoints(_ subject: Int, rule: Int, _ delta: Int32, misattributed: Bool) {
        let rating = Int(model.ruleRating[rule])
        if rating < 0 {
            state.scoreDelta[subject] &+= delta
            if misattributed { state.falseDelta[subject] &+= delta }
        } else {
            state.ratingDelta[rating][subject] &+= delta
            if misattributed { state.ratingFalse[rating][subject] &+= delta }
        }
    }

    /// Whether the subject is rated on rating r (its kind, its sector, and for people enrolment).
    func isRated(_ subject: Int, _ r: Int) -> Bool {
        let rating = model.ratings[r]
        guard rating.companies == isCompanies else { return false }
        if isCompanies {
            return rating.sectorMask == 0
                || rating.sectorMask & (1 << UInt16(companySector[subject])) != 0
        }
        return state.bits[subject] & EventBit.enrolled != 0
    }

    /// A rating's value for the subject (within its bounds); without false records when `cleared`.
    func ratingValue(_ subject: Int, _ r: Int, cleared: Bool) -> Int32 {
        let scale = model.ratings[r].scale
        var raw = scale.initial &+ state.ratingDelta[r][subject]
        if cleared { raw &-= state.ratingFalse[r][subject] }
        return min(scale.maximum, max(scale.minimum, raw))
    }

    /// The points the subject's ratings add to its main score, and their tiers (8 bits each).
    func ratingStanding(_ subject: Int, cleared: Bool) -> (points: Int32, tiers: UInt64) {
        var points = 0.0
        var tiers = UInt64.max
        for r in model.ratings.indices where isRated(subject, r) {
            let rating = model.ratings[r]
            let value = ratingValue(subject, r, cleared: cleared)
            if rating.weight != 0 { points += (rating.weight * Double(value - rating.scale.initial)).rounded() }
            let shift = UInt64(8 * r)
            tiers = tiers & ~(0xFF << shift) | UInt64(rating.scale.tier(value)) << shift
        }
        // At most 8 ratings x weight 100 x 2,000,000 points (`NumberKind`): inside 32 bits, clamped all the same.
        return (Int32(min(Double(Int32.max), max(Double(Int32.min), points))), tiers)
    }
}
