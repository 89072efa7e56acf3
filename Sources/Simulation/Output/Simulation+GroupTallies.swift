import RunRecords
import SocialCredit
import Society

extension Simulation {
    /// Counts over every person, by income quintile, residence, sex, age group and province (and
    /// everyone), from the state at the end of the run: who was sanctioned, listed, rewarded,
    /// falsely recorded or reached by spillovers. Computed in parallel chunks whose partial sums
    /// are added in chunk order, so the result does not depend on the thread count.
    ///
    /// Call it after the run has finished (the standing snapshots are then the final own standing).
    /// On a sharded society every shard must call it: the counts are summed over the shards.
    public func groupTallies(census: Census) -> [GroupTally] {
        let groups = Self.tallyGroups(census: census)
        let width = GroupTally.countNames.count
        let lowest = model.peopleScale.tierMinimum.count - 1
        let blackMask = model.blackMask
        let redMask = UInt8(truncatingIfNeeded: (1 << model.listCount) - 1) & ~blackMask
        let effects = model.policy.spilloverEffect
        let blockMask = effects.indices.reduce(UInt16(0)) { mask, index in
            if case .block = effects[index] { mask | 1 << UInt16(index) } else { mask }
        }
        let rewardMask = effects.indices.reduce(UInt16(0)) { mask, index in
            if case .reward = effects[index] { mask | 1 << UInt16(index) } else { mask }
        }
        let people = self.people
        let snapshot = peopleSnapshot
        let context = reader(.people)
        let origin = self.origin
        let day = today.adding(days: -1).number
        let partials: [[Int]] = ParallelChunks(threads: config.threads).mapChunks(count: population.count) { range in
            var sums = [Int](repeating: 0, count: groups.count * width)
            var values = [Int](repeating: 0, count: width)
            for person in range {
                let s = Self.fullSnapshot(person, own: snapshot[person], context, origin: origin)
                let flags = PersonFlags(rawValue: people.flags[person])
                let scored = s.tier != 0xFF
                let blackNow = s.lists & blackMask != 0
                let blocks = Int(people.blocked[person])
                let rewards = Int(people.rewarded[person])
                let records = Int(people.records[person])
                let falseRecords = Int(people.falseRecords[person])
                let mask = people.spillMask[person]
                values[0] = 1
                values[1] = scored ? 1 : 0
                values[2] = scored ? Int(s.score) : 0
                values[3] = scored && Int(s.tier) == lowest ? 1 : 0
                values[4] = people.everListed[person] & blackMask != 0 ? 1 : 0
                values[5] = blackNow ? 1 : 0
                values[6] = s.lists & people.listFalse[person] != 0 ? 1 : 0
                values[7] = people.everListed[person] & redMask != 0 ? 1 : 0
                values[8] = blocks > 0 ? 1 : 0
                values[9] = blocks
                values[10] = blocks > 0 && falseRecords > 0 ? 1 : 0
                values[11] = rewards > 0 ? 1 : 0
                values[12] = rewards
                values[13] = records > 0 ? 1 : 0
                values[14] = records
                values[15] = falseRecords > 0 ? 1 : 0
                values[16] = falseRecords
                values[17] = mask & blockMask != 0 ? 1 : 0
                values[18] = mask & rewardMask != 0 ? 1 : 0
                values[19] = people.spillDelta[person] < 0 ? 1 : 0
                values[20] = people.spillCeiling[person] != 0xFF ? 1 : 0
                let age = Int((day - people.birthDay[person]) * 4 / 1461)
                let ageSlot = GroupTally.ageGroups.lastIndex { age >= $0.from } ?? 0
                @inline(__always) func add(_ slot: Int) {
                    guard slot < groups.count else { return }
                    let base = slot * width
                    for k in 0..<width { sums[base + k] += values[k] }
                }
                add(0)
                add(Int(people.quintile[person]))
                add(6 + (flags.contains(.urban) ? 0 : 1))
                add(8 + (flags.contains(.male) ? 1 : 0))
                add(10 + ageSlot)
                add(10 + GroupTally.ageGroups.count + Int(people.province[person]))
            }
            return sums
        }
        var totals = [Int](repeating: 0, count: groups.count * width)
        for partial in partials { for k in totals.indices { totals[k] += partial[k] } }
        totals = summedOverShards(totals)
        return groups.enumerated().map { slot, group in
            GroupTally(
                dimension: group.dimension,
                group: group.group,
                counts: Array(totals[(slot * width)..<((slot + 1) * width)])
            )
        }
    }

    /// The groups in slot order: everyone, quintiles 1-5, urban, rural, female, male, the age
    /// groups, then the provinces in the census's order.
    static func tallyGroups(census: Census) -> [(dimension: String, group: String)] {
        [("all", "everyone")] + (1...5).map { ("income_quintile", String($0)) }
            + [("residence", "urban"), ("residence", "rural"), ("sex", "female"), ("sex", "male")]
            + GroupTally.ageGroups.map { ("age_group", $0.label) }
            + census.provinces.map { ("province", $0.name) }
    }
}
