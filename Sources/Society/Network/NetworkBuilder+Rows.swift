import Foundation

/// The tie layers as plain values and the acceptance-by-age-gap table, built once per network.
///
/// Plain values, not `TieLayer`s: no reference-counted field is touched in the hot loop (two
/// threads bumping one shared count would fight over its cache line).
struct TieTables: Sendable {
    /// Acceptance by age gap (0...100 years), per layer, for adults then children: a flat table,
    /// not exp() per try.
    let acceptance: [Double]
    let layers: [(stubs: Double, circle: Int, byAge: Bool, close: Bool)]
    let attempts: Int
    let sigma: Double

    init(_ p: SocietyParameters) {
        acceptance = p.tieLayers.flatMap { layer in
            (0...100).map { exp(-Double($0) / layer.adultAgeScale) }
                + (0...100).map { exp(-Double($0) / layer.childAgeScale) }
        }
        layers = p.tieLayers.map { (stubs: $0.stubs, circle: $0.circle, byAge: $0.byAge, close: $0.close) }
        attempts = p.tieAttempts
        sigma = p.sociabilitySigma
    }
}

/// One chunk's rows, numbered from the chunk's first person: `offsets` (one more than its
/// people, from 0), friends as distances, close counts.
struct ChunkRows: Sendable {
    var offsets: [UInt32]
    var deltas: [Int16]
    var close: [UInt8]
}

extension NetworkBuilder {
    /// The rows of the people of a run of consecutive towns: every tie drawn by one of them, each
    /// written into both ends' rows, sorted, duplicates merged (close wins), close ties first.
    func rows(
        of towns: ArraySlice<Range<Int>>,
        age: [UInt8],
        households: Households,
        tables: TieTables,
        random: CounterRandom,
        firstPerson: Int
    ) -> ChunkRows {
        let first = towns[towns.startIndex].lowerBound
        let last = towns[towns.endIndex - 1].upperBound
        let n = last - first
        let acceptance = Array(tables.acceptance)
        let layers = Array(tables.layers)  // thread-local copies
        let attempts = tables.attempts
        let sigma = tables.sigma
        let homeStart = households.start
        let homeSize = households.size
        // The household of the person being drawn for, followed as people are taken in order.
        var home = households.household(of: first)
        // Ties as (local source, (friend - person) << 1 | close): the town's bound keeps the
        // distance within 14 bits.
        var sources: [UInt32] = []
        var ties: [Int16] = []
        sources.reserveCapacity(n * 6)
        ties.reserveCapacity(n * 6)
        var degree = [UInt32](repeating: 0, count: n)
        var byAge: [Int32] = []
        var rank: [Int32] = []
        var ageCount = [Int](repeating: 0, count: 102)
        for town in towns {
            // The town's people in age order (a stable counting sort), for age-peer circles.
            for i in ageCount.indices { ageCount[i] = 0 }
            for person in town { ageCount[Int(age[person]) + 1] += 1 }
            for i in 1..<ageCount.count { ageCount[i] += ageCount[i - 1] }
            byAge.removeAll(keepingCapacity: true)
            byAge.append(contentsOf: repeatElement(0, count: town.count))
            rank.removeAll(keepingCapacity: true)
            rank.append(contentsOf: repeatElement(0, count: town.count))
            for person in town {
                let slot = ageCount[Int(age[person])]
                ageCount[Int(age[person])] += 1
                byAge[slot] = Int32(person)
                rank[person - town.lowerBound] = Int32(slot)
            }
            for person in town {
                while Int(homeStart[home]) + Int(homeSize[home]) <= person { home += 1 }
                let housemates = Int(homeStart[home])..<(Int(homeStart[home]) + Int(homeSize[home]))
                let key = UInt64(firstPerson + person)
                let years = Int(age[person])
                let activity =
                    exp(sigma * random.normal(.friendPropensity, key) - sigma * sigma / 2)
                    * Self.sociability(age: years)
                for layerIndex in 0..<layers.count {
                    let layer = layers[layerIndex]
                    // A circle is a block of consecutive people (a place), or for age-peer
                    // layers a window of the town's age-sorted list around the person.
                    let circle: Range<Int>
                    if layer.byAge {
                        let center = Int(rank[person - town.lowerBound])
                        let low = max(0, min(center - layer.circle / 2, town.count - layer.circle))
                        circle = low..<min(town.count, low + layer.circle)
                    } else {
                        circle = self.circle(of: person, in: town, size: layer.circle)
                    }
                    let expected = layer.stubs * activity
                    var stubs = Int(expected)
                    if random.uniform(.friendStubs, key, UInt64(layerIndex)) < expected - Double(stubs) { stubs += 1 }
                    guard circle.count > 1 else { continue }
                    let acceptBase = (layerIndex * 2 + (years < 18 ? 1 : 0)) * 101
                    let closeBit: Int16 = layer.close ? 1 : 0
                    let picks = random.keyed(.friendPick, key)
                    for stub in 0..<stubs {
                        var counter = UInt64(layerIndex) << 32 | UInt64(stub) << 12
                        for _ in 0..<attempts {
                            counter &+= 1
                            // One draw per attempt: high bits pick the candidate, low bits decide.
                            let bits = picks.bits(counter)
                            let pick = circle.lowerBound + Int(((bits >> 32) &* UInt64(circle.count)) >> 32)
                            let friend = layer.byAge ? Int(byAge[pick]) : pick
                            // Never oneself nor one's own household.
                            guard !housemates.contains(friend) else { continue }
                            let gap = abs(years - Int(age[friend]))
                            guard Double(bits & 0xFFFF_FFFF) * 0x1.0p-32 < acceptance[acceptBase + gap] else {
                                continue
                            }
                            sources.append(UInt32(person - first))
                            ties.append(Int16(friend - person) << 1 | closeBit)
                            degree[person - first] += 1
                            degree[friend - first] += 1
                            break
                        }
                    }
                }
            }
        }
        // Local rows: each tie written into both ends' rows, as the distance to the other end.
        var offsets = [UInt32](repeating: 0, count: n + 1)
        for i in 0..<n { offsets[i + 1] = offsets[i] + degree[i] }
        degree = []
        var cursor = Array(offsets.dropLast())
        var row = [Int16](repeating: 0, count: Int(offsets[n]))
        for (source, tie) in zip(sources, ties) {
            let s = Int(source)
            let distance = tie >> 1
            row[Int(cursor[s])] = tie
            cursor[s] += 1
            let t = s + Int(distance)
            row[Int(cursor[t])] = (0 - distance) << 1 | (tie & 1)
            cursor[t] += 1
        }
        sources = []
        ties = []
        cursor = []
        let (write, close) = Self.sortRows(&row, offsets: &offsets)
        row.removeLast(row.count - write)
        for k in 0..<write { row[k] >>= 1 }
        return ChunkRows(offsets: offsets, deltas: row, close: close)
    }

    /// Sorts each row by friend, merges duplicate ties (close wins), puts close ties first and
    /// compacts the rows to the front of `all`, moving `offsets` with them. Entries are
    /// `distance << 1 | close`, so sorting them sorts by friend, then close last. Returns the
    /// entries kept and each row's close count.
    static func sortRows(_ all: inout [Int16], offsets: inout [UInt32]) -> (kept: Int, close: [UInt8]) {
        let n = offsets.count - 1
        var close = [UInt8](repeating: 0, count: n)
        var write = 0
        var scratch: [Int16] = []
        scratch.reserveCapacity(64)
        all.withUnsafeMutableBufferPointer { all in
            for i in 0..<n {
                let start = Int(offsets[i])
                let end = Int(offsets[i + 1])
                let row = UnsafeMutableBufferPointer(rebasing: all[start..<end])
                // Rows are short (a dozen ties): insertion sort beats a general sort here.
                for k in 1..<max(1, row.count) {
                    let value = row[k]
                    var j = k - 1
                    while j >= 0 && row[j] > value {
                        row[j + 1] = row[j]
                        j -= 1
                    }
                    row[j + 1] = value
                }
                var merged = 0
                for k in 0..<row.count {
                    let value = row[k]
                    if merged > 0, row[merged - 1] >> 1 == value >> 1 {
                        row[merged - 1] |= value & 1
                    } else {
                        row[merged] = value
                        merged += 1
                    }
                }
                // Close ties first, then the rest, via a scratch copy (rows only move left,
                // but a partition in place could overwrite entries not yet read).
                offsets[i] = UInt32(write)
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: row[0..<merged])
                var closeTies = 0
                for value in scratch where value & 1 == 1 {
                    all[write + closeTies] = value
                    closeTies += 1
                }
                var wideWrite = write + closeTies
                for value in scratch where value & 1 == 0 {
                    all[wideWrite] = value
                    wideWrite += 1
                }
                write += merged
                close[i] = UInt8(min(255, closeTies))
            }
        }
        offsets[n] = UInt32(write)
        return (write, close)
    }
}
