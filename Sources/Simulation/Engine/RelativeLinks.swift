import Society

/// Each person's link to one relative (mother, father or spouse), for the spillover passes.
///
/// Relatives share a household and a household's people are laid out together, so in a
/// generated society every link lies a few places from its person: it is kept as that signed
/// distance in a byte, not as a 4-byte index (0.9 GB less for the three links at 100 million
/// people). A society with some link further away (hand-made ones may have them) keeps the
/// indices as they are.
struct RelativeLinks: Sendable {
    /// Signed distance from each person to the relative, `noLink` for none; empty when `far` is used.
    let near: [Int8]
    /// The relatives' indices (`Population.none` for none), when some link is too far for `near`.
    let far: [UInt32]
    /// The farthest any link lies from its person in index order.
    let reach: Int

    /// `near`'s value for a person with no such relative (a distance of -128 is kept in `far`).
    static let noLink = Int8.min

    /// The links of a population's column (`Population.mother`, `.father` or `.spouse`).
    init(_ links: [UInt32]) {
        var reach = 0
        for (person, link) in links.enumerated() where link != Population.none {
            reach = max(reach, abs(Int(link) - person))
        }
        self.reach = reach
        if reach <= Int(Int8.max) {
            near = links.indices.map { person in
                links[person] == Population.none ? Self.noLink : Int8(Int(links[person]) - person)
            }
            far = []
        } else {
            near = []
            far = links
        }
    }

    /// The relative of `person`, or `Population.none`.
    @inline(__always) subscript(person: Int) -> UInt32 {
        guard far.isEmpty else { return far[person] }
        let distance = near[person]
        return distance == Self.noLink ? Population.none : UInt32(truncatingIfNeeded: person + Int(distance))
    }
}
