import Foundation

/// Builds the friendship network (M9) in time linear in the number of people.
///
/// People are laid out by province and residence, households together, so index ranges are
/// places. Ties are drawn in layers (`SocietyParameters.tieLayers`): neighbours in a circle of
/// a dozen people, age peers in a circle of ~80, a wider circle of ~800; a candidate is
/// accepted with a probability that falls with the age gap (age homophily), and never from
/// one's own household (kin are linked by the household already). Sociability varies
/// by person (lognormal), which gives a heavier tail than Poisson; drawing within small circles
/// closes triangles (clustering well above 0.1).
///
/// Every circle lies inside a town, so a friend is never further from a person than the town is
/// long: that is what lets the network store friends as 16-bit distances (`FriendshipNetwork`).
/// Towns never straddle chunk boundaries, so each chunk builds the rows of its own people
/// without touching any other chunk's, and the result depends neither on the thread count nor
/// on how towns are grouped into chunks. Chunks are small and are appended to the network in
/// order as they finish, so generation holds the finished network and a few chunks' working
/// arrays, never the network twice.
struct NetworkBuilder: Sendable {
    let parameters: SocietyParameters
    /// About how many people a chunk of towns holds: small enough that the few chunks in flight
    /// cost little memory, large enough that handing them over costs little time.
    var peoplePerChunk = 200_000

    /// The most people a town may hold. While rows are built a friend is kept as its distance
    /// shifted left by one with the close-tie bit below, in an `Int16`, so distances must stay
    /// under 2^14. Towns are cut to about `SocietyParameters.townSize` (600) people and never
    /// to more than 1.5 times that (`townRanges`), far below this.
    static let maximumTownSize = 1 << 14

    func build(
        _ population: Population,
        plan: HouseholdPlan,
        random: CounterRandom,
        parallel: ParallelChunks
    ) -> FriendshipNetwork {
        let count = population.count
        guard count > 1 else { return FriendshipNetwork(count: count) }
        let towns = townRanges(plan: plan, count: count)
        let largest = towns.lazy.map(\.count).max() ?? 0
        precondition(
            largest <= Self.maximumTownSize,
            "a town of \(largest) people: towns are cut to about \(parameters.townSize) people so that "
                + "friends' distances fit 16 bits; townSize must stay at most \(Self.maximumTownSize * 2 / 3)"
        )
        let chunks = ParallelChunks.ranges(
            count: towns.count,
            chunks: max(parallel.threads * 4, count / peoplePerChunk)
        )
        let tables = TieTables(parameters)
        let age = population.age
        let households = population.households
        let firstPerson = plan.firstPerson

        let assembled = parallel.reduceInOrder(
            chunks.count,
            into: NetworkAssembly(people: count, endpoints: expectedEndpoints(age, parallel: parallel))
        ) { c in
            rows(
                of: towns[chunks[c]],
                age: age,
                households: households,
                tables: tables,
                random: random,
                firstPerson: firstPerson
            )
        } _: { assembly, _, rows in
            assembly.append(rows)
        }
        return FriendshipNetwork(offsets: assembled.offsets, deltas: assembled.deltas, closeCount: assembled.closeCount)
    }

    /// Twice the expected number of stubs: every tie uses a stub and has two ends, so this is
    /// about what the network will hold at most (it holds about four fifths of it, since some
    /// stubs find no one). Used only to reserve the network's array once: pages of it that stay
    /// unused are never touched and take no memory, and if a society draws more the array grows.
    func expectedEndpoints(_ age: [UInt8], parallel: ParallelChunks) -> Int {
        let sums = parallel.mapChunks(count: age.count) { range in
            range.reduce(0.0) { $0 + Self.sociability(age: Int(age[$1])) }
        }
        let stubs = parameters.tieLayers.reduce(0.0) { $0 + $1.stubs }
        return Int(2 * stubs * sums.reduce(0, +)) + 64
    }

    /// How sociable people of an age are, relative to adults (the mean of the lognormal factor
    /// is 1).
    static func sociability(age years: Int) -> Double {
        years < 6 ? 0.3 : years < 18 ? 0.8 : years >= 70 ? 0.7 : 1
    }

    /// Towns: consecutive runs of about `townSize` people inside each stratum (province and
    /// residence), covering everyone. A stratum of L people is cut into round(L / townSize)
    /// pieces (at least one), so a town holds less than 1.5 * townSize people.
    func townRanges(plan: HouseholdPlan, count: Int) -> [Range<Int>] {
        var towns: [Range<Int>] = []
        for s in 0..<plan.strata where plan.quotas[s] > 0 {
            let start = plan.strataStart[s]
            let length = plan.quotas[s]
            let pieces = max(1, Int((Double(length) / Double(parameters.townSize)).rounded()))
            for i in 0..<pieces { towns.append((start + length * i / pieces)..<(start + length * (i + 1) / pieces)) }
        }
        return towns
    }

    /// A person's circle of a layer: the block of about `size` consecutive people holding them,
    /// within their town.
    func circle(of person: Int, in town: Range<Int>, size: Int) -> Range<Int> {
        let pieces = max(1, Int((Double(town.count) / Double(size)).rounded()))
        let i = (person - town.lowerBound) * pieces / town.count
        return (town.lowerBound + town.count * i / pieces)..<(town.lowerBound + town.count * (i + 1) / pieces)
    }
}

/// The network's arrays, filled chunk by chunk in person order.
struct NetworkAssembly: Sendable {
    var offsets: [UInt32]
    var deltas: [Int16]
    var closeCount: [UInt8]

    /// Empty arrays with room for `people` rows and `endpoints` friends.
    init(people: Int, endpoints: Int) {
        offsets = [0]
        offsets.reserveCapacity(people + 1)
        deltas = []
        deltas.reserveCapacity(endpoints)
        closeCount = []
        closeCount.reserveCapacity(people)
    }

    /// Appends a chunk's rows, which start with the next person.
    mutating func append(_ rows: ChunkRows) {
        let base = offsets[offsets.count - 1]
        precondition(
            Int(base) + rows.deltas.count <= Int(UInt32.max),
            "more friendships than 32-bit row starts can index"
        )
        for k in 1..<rows.offsets.count { offsets.append(base + rows.offsets[k]) }
        deltas.append(contentsOf: rows.deltas)
        closeCount.append(contentsOf: rows.close)
    }
}
