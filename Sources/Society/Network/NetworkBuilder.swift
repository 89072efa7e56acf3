import Foundation

/// Builds the friendship network (M9) in time linear in the number of people.
///
/// People are laid out by province and residence, households together, so index ranges are
/// places. Close ties (about 5 per person, the Dunbar support layer) are drawn within a
/// neighbourhood of ~50 consecutive people and wider ties (about 10) within a town of ~2,000;
/// a candidate is accepted with a probability that falls with the age gap (age homophily), and
/// never from one's own household (kin are linked by the household already). Sociability varies
/// by person (lognormal), which gives a heavier tail than Poisson; drawing within small circles
/// closes triangles (clustering well above 0.1).
///
/// Towns never straddle chunk boundaries, so each chunk builds the rows of its own people
/// without touching any other chunk's, and the result does not depend on the thread count.
struct NetworkBuilder: Sendable {
    let parameters: SocietyParameters

    private static let closeTag: UInt32 = 0x8000_0000

    func build(_ population: Population, plan: HouseholdPlan, random: CounterRandom,
               parallel: ParallelChunks) -> FriendshipNetwork {
        let count = population.count
        guard count > 1 else { return FriendshipNetwork(count: count) }
        let towns = townRanges(plan: plan, count: count)
        let townChunks = ParallelChunks.ranges(count: towns.count, chunks: parallel.threads * 8)
        let age = population.age, household = population.household
        let p = parameters

        let parts: [(offsets: [UInt32], targets: [UInt32], close: [UInt8])] = parallel.map(townChunks.count) { c in
            let chunkTowns = townChunks[c]
            let first = towns[chunkTowns.lowerBound].lowerBound
            let last = towns[chunkTowns.upperBound - 1].upperBound
            let n = last - first
            // Partners chosen by each person's stubs: (local source, target with close tag).
            var sources: [UInt32] = [], chosen: [UInt32] = []
            sources.reserveCapacity(n * 8)
            chosen.reserveCapacity(n * 8)
            var degree = [UInt32](repeating: 0, count: n)
            for t in chunkTowns {
                let town = towns[t]
                for person in town {
                    let key = UInt64(person)
                    let years = Int(age[person])
                    let activity = exp(p.sociabilitySigma * random.normal(.friendPropensity, key) - p.sociabilitySigma * p.sociabilitySigma / 2)
                        * (years < 6 ? 0.3 : years < 18 ? 0.8 : years >= 70 ? 0.7 : 1)
                    let neighbourhood = self.neighbourhood(of: person, in: town)
                    for (layer, mean, circle) in [(0, p.closeStubs, neighbourhood), (1, p.wideStubs, town)] {
                        let expected = mean * activity
                        var stubs = Int(expected)
                        if random.uniform(.friendStubs, key, UInt64(layer)) < expected - Double(stubs) { stubs += 1 }
                        guard circle.count > 1 else { continue }
                        let scale = years < 18 ? p.childAgeScale : (layer == 0 ? p.closeAgeScale : p.wideAgeScale)
                        for stub in 0..<stubs {
                            var counter = UInt64(layer) << 32 | UInt64(stub) << 8
                            for _ in 0..<12 {
                                counter &+= 1
                                let friend = circle.lowerBound + random.below(circle.count, .friendPick, key, counter)
                                guard friend != person, household[friend] != household[person] else { continue }
                                let gap = Double(abs(years - Int(age[friend])))
                                counter &+= 1
                                guard random.uniform(.friendPick, key, counter) < exp(-gap / scale) else { continue }
                                sources.append(UInt32(person - first))
                                chosen.append(UInt32(friend - first) | (layer == 0 ? Self.closeTag : 0))
                                degree[person - first] += 1
                                degree[friend - first] += 1
                                break
                            }
                        }
                    }
                }
            }
            // Local rows: each tie written into both ends' rows.
            var offsets = [UInt32](repeating: 0, count: n + 1)
            for i in 0..<n { offsets[i + 1] = offsets[i] + degree[i] }
            var cursor = Array(offsets.dropLast())
            var targets = [UInt32](repeating: 0, count: Int(offsets[n]))
            for (source, tagged) in zip(sources, chosen) {
                let tag = tagged & Self.closeTag, target = tagged & ~Self.closeTag
                targets[Int(cursor[Int(source)])] = (target + UInt32(first)) | tag
                cursor[Int(source)] += 1
                targets[Int(cursor[Int(target)])] = (source + UInt32(first)) | tag
                cursor[Int(target)] += 1
            }
            sources = []
            chosen = []
            // Sort each row, merge duplicate ties (close wins), put close ties first, compact.
            var close = [UInt8](repeating: 0, count: n)
            var write = 0
            var row: [UInt32] = []
            for i in 0..<n {
                let start = Int(offsets[i]), end = Int(offsets[i + 1])
                row.removeAll(keepingCapacity: true)
                row.append(contentsOf: targets[start..<end])
                row.sort { ($0 & ~Self.closeTag) < ($1 & ~Self.closeTag) }
                var merged = 0
                for value in row {
                    if merged > 0, (row[merged - 1] & ~Self.closeTag) == (value & ~Self.closeTag) {
                        row[merged - 1] |= value & Self.closeTag
                    } else {
                        row[merged] = value
                        merged += 1
                    }
                }
                let closeTies = row[0..<merged].filter { $0 & Self.closeTag != 0 }
                let wideTies = row[0..<merged].filter { $0 & Self.closeTag == 0 }
                offsets[i] = UInt32(write)
                for value in closeTies { targets[write] = value & ~Self.closeTag; write += 1 }
                for value in wideTies { targets[write] = value; write += 1 }
                close[i] = UInt8(min(255, closeTies.count))
            }
            offsets[n] = UInt32(write)
            targets.removeLast(targets.count - write)
            return (offsets, targets, close)
        }

        // Assemble the chunks in order.
        var offsets = [UInt32](repeating: 0, count: count + 1)
        var targets: [UInt32] = []
        targets.reserveCapacity(parts.reduce(0) { $0 + $1.targets.count })
        var closeCount: [UInt8] = []
        closeCount.reserveCapacity(count)
        var person = 0
        for part in parts {
            let base = UInt32(targets.count)
            for i in 0..<(part.offsets.count - 1) { offsets[person + i] = base + part.offsets[i] }
            person += part.offsets.count - 1
            targets.append(contentsOf: part.targets)
            closeCount.append(contentsOf: part.close)
        }
        offsets[count] = UInt32(targets.count)
        return FriendshipNetwork(offsets: offsets, targets: targets, closeCount: closeCount)
    }

    /// Towns: consecutive runs of about `townSize` people inside each stratum (province and
    /// residence), covering everyone.
    func townRanges(plan: HouseholdPlan, count: Int) -> [Range<Int>] {
        var towns: [Range<Int>] = []
        for s in 0..<plan.strata where plan.quotas[s] > 0 {
            let start = plan.strataStart[s], length = plan.quotas[s]
            let pieces = max(1, Int((Double(length) / Double(parameters.townSize)).rounded()))
            for i in 0..<pieces { towns.append((start + length * i / pieces)..<(start + length * (i + 1) / pieces)) }
        }
        return towns
    }

    /// The neighbourhood of a person: the block of about `neighbourhoodSize` people around them
    /// within their town.
    func neighbourhood(of person: Int, in town: Range<Int>) -> Range<Int> {
        let pieces = max(1, Int((Double(town.count) / Double(parameters.neighbourhoodSize)).rounded()))
        let i = (person - town.lowerBound) * pieces / town.count
        return (town.lowerBound + town.count * i / pieces)..<(town.lowerBound + town.count * (i + 1) / pieces)
    }
}
