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

        // Acceptance by age gap, per layer, for adults and children: a flat table, not exp() per
        // try. Layers as plain values: no reference-counted field is touched in the hot loop (two
        // threads bumping one shared count would fight over its cache line).
        let acceptance: [Double] = p.tieLayers.flatMap { layer in
            (0...100).map { exp(-Double($0) / layer.adultAgeScale) } + (0...100).map { exp(-Double($0) / layer.childAgeScale) }
        }
        let layers = p.tieLayers.map { (stubs: $0.stubs, circle: $0.circle, byAge: $0.byAge, close: $0.close) }
        let attempts = p.tieAttempts, sigma = p.sociabilitySigma

        let parts: [(offsets: [UInt32], targets: [UInt32], close: [UInt8])] = parallel.map(townChunks.count) { c in
            let chunkTowns = townChunks[c]
            let first = towns[chunkTowns.lowerBound].lowerBound
            let last = towns[chunkTowns.upperBound - 1].upperBound
            let n = last - first
            let acceptance = Array(acceptance), layers = Array(layers)  // thread-local copies
            // Ties as (local source, local target << 1 | close).
            var sources: [UInt32] = [], chosen: [UInt32] = []
            sources.reserveCapacity(n * 6)
            chosen.reserveCapacity(n * 6)
            var degree = [UInt32](repeating: 0, count: n)
            var byAge: [Int32] = [], rank: [Int32] = [], ageCount = [Int](repeating: 0, count: 102)
            for t in chunkTowns {
                let town = towns[t]
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
                    let key = UInt64(person)
                    let years = Int(age[person])
                    let activity = exp(sigma * random.normal(.friendPropensity, key) - sigma * sigma / 2)
                        * (years < 6 ? 0.3 : years < 18 ? 0.8 : years >= 70 ? 0.7 : 1)
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
                        let closeBit: UInt32 = layer.close ? 1 : 0
                        let picks = random.keyed(.friendPick, key)
                        for stub in 0..<stubs {
                            var counter = UInt64(layerIndex) << 32 | UInt64(stub) << 12
                            for _ in 0..<attempts {
                                counter &+= 1
                                // One draw per attempt: high bits pick the candidate, low bits decide.
                                let bits = picks.bits(counter)
                                let pick = circle.lowerBound + Int(((bits >> 32) &* UInt64(circle.count)) >> 32)
                                let friend = layer.byAge ? Int(byAge[pick]) : pick
                                guard friend != person, household[friend] != household[person] else { continue }
                                let gap = abs(years - Int(age[friend]))
                                guard Double(bits & 0xFFFF_FFFF) * 0x1.0p-32 < acceptance[acceptBase + gap] else { continue }
                                sources.append(UInt32(person - first))
                                chosen.append(UInt32(friend - first) << 1 | closeBit)
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
                let closeBit = tagged & 1, target = tagged >> 1
                targets[Int(cursor[Int(source)])] = (target + UInt32(first)) << 1 | closeBit
                cursor[Int(source)] += 1
                targets[Int(cursor[Int(target)])] = (source + UInt32(first)) << 1 | closeBit
                cursor[Int(target)] += 1
            }
            sources = []
            chosen = []
            degree = []
            cursor = []
            // Sort each row, merge duplicate ties (close wins), put close ties first, compact in place.
            var close = [UInt8](repeating: 0, count: n)
            var write = 0
            var scratch: [UInt32] = []
            scratch.reserveCapacity(64)
            targets.withUnsafeMutableBufferPointer { all in
                for i in 0..<n {
                    let start = Int(offsets[i]), end = Int(offsets[i + 1])
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
            targets.removeLast(targets.count - write)
            for k in 0..<write { targets[k] >>= 1 }
            return (offsets, targets, close)
        }

        // Assemble the chunks in order: each chunk copies its rows into its own region of the
        // final arrays, in parallel (the first touch of those pages is then shared too).
        var personStarts = [Int](repeating: 0, count: parts.count + 1)
        var targetStarts = [Int](repeating: 0, count: parts.count + 1)
        for (i, part) in parts.enumerated() {
            personStarts[i + 1] = personStarts[i] + part.offsets.count - 1
            targetStarts[i + 1] = targetStarts[i] + part.targets.count
        }
        let personBase = personStarts, targetBase = targetStarts
        let totalTargets = targetBase[parts.count]
        var offsets = [UInt32](repeating: 0, count: count + 1)
        var closeCount = [UInt8](repeating: 0, count: count)
        let targets = [UInt32](unsafeUninitializedCapacity: totalTargets) { buffer, initialized in
            offsets.withUnsafeMutableBufferPointer { offsetBuffer in
                closeCount.withUnsafeMutableBufferPointer { closeBuffer in
                    let targetColumn = SharedColumn(buffer), offsetColumn = SharedColumn(offsetBuffer)
                    let closeColumn = SharedColumn(closeBuffer)
                    // Chunk i writes persons personBase[i]..<personBase[i+1] and targets
                    // targetBase[i]..<targetBase[i+1]: disjoint ranges.
                    _ = parallel.map(parts.count) { i in
                        let part = parts[i]
                        let base = UInt32(targetBase[i])
                        for k in 0..<(part.offsets.count - 1) {
                            offsetColumn[personBase[i] + k] = base + part.offsets[k]
                            closeColumn[personBase[i] + k] = part.close[k]
                        }
                        for k in 0..<part.targets.count { targetColumn[targetBase[i] + k] = part.targets[k] }
                        return 0
                    }
                }
            }
            initialized = totalTargets
        }
        offsets[count] = UInt32(totalTargets)
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

    /// A person's circle of a layer: the block of about `size` consecutive people holding them,
    /// within their town.
    func circle(of person: Int, in town: Range<Int>, size: Int) -> Range<Int> {
        let pieces = max(1, Int((Double(town.count) / Double(size)).rounded()))
        let i = (person - town.lowerBound) * pieces / town.count
        return (town.lowerBound + town.count * i / pieces)..<(town.lowerBound + town.count * (i + 1) / pieces)
    }
}
