/// The people and the employer around one person: whom a spillover can reach them through
/// (parents, spouse, friends, employer, M8, M9, M11) and whom their own standing can reach
/// (their children). A person's credit report shows what happened to each, and tracing a person
/// by name traces their circle too, so that the report can say why a spillover reached them.
public struct Circle: Sendable, Equatable, Codable {
    /// The person.
    public var person: Int
    /// Mother and father, when in the society.
    public var mother: Int?
    public var father: Int?
    /// Spouse.
    public var spouse: Int?
    /// Children (people whose mother or father the person is), by index.
    public var children: [Int]
    /// Friends, close ties first (the network's order).
    public var friends: [Int]
    /// Employer (a company index).
    public var employer: Int?

    /// Everyone in the circle but the person, without repeats: parents, spouse, children, friends.
    public var people: [Int] {
        var seen = Set<Int>()
        return ([mother, father, spouse].compactMap { $0 } + children + friends).filter { seen.insert($0).inserted }
    }
}

extension Population {
    /// The circle of a person. Children are found by a pass over everyone's parent links
    /// (the society stores links upwards only), so this is for a few people at a time.
    public func circle(of person: Int) -> Circle {
        func link(_ value: UInt32) -> Int? { value == Population.none ? nil : Int(value) }
        let me = UInt32(person)
        var children: [Int] = []
        for other in 0..<count where mother[other] == me || father[other] == me { children.append(other) }
        return Circle(
            person: person,
            mother: link(mother[person]),
            father: link(father[person]),
            spouse: link(spouse[person]),
            children: children,
            friends: network.friends(of: person).map(Int.init),
            employer: link(employer[person])
        )
    }
}
