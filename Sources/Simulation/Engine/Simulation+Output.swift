import Foundation
import RunRecords
import SocialCredit
import Society

extension Simulation {
    /// Final states worth keeping: every traced subject (one in `traceEvery`) and everyone who was
    /// ever on a rule-filled list, a black list, or a published list (whose names the public list
    /// shows). Not everyone an unpublished condition-filled red list held: such a list may hold
    /// most people, as one for the starting tier would; they are counted, not all stored.
    /// Subjects by whole-society index; on a sharded society every shard must call it and shard
    /// 0 gets everyone's (the others get none).
    public func finalSnapshots(census: Census) -> [SubjectSnapshot] {
        var snapshots: [SubjectSnapshot] = []
        let kept = model.scenario.lists.indices.reduce(~model.conditionalMask | model.blackMask) {
            model.scenario.lists[$1].published ? $0 | UInt8(1) << UInt8($1) : $0
        }
        for kind in [Kind.people, .companies] {
            let context = reader(kind)
            let state = kind == .people ? people : companies
            let count = kind == .people ? population.count : population.companies.count
            let scale = model.policy.scale(for: kind == .people ? .people : .companies)
            for subject in 0..<count {
                let traced = context.isTraced(subject)
                let listed = state.everListed[subject] & kept != 0
                guard traced || listed else { continue }
                let standing = context.standing(subject)
                func names(_ mask: UInt8) -> String {
                    model.scenario.lists.indices.filter { mask & (1 << UInt8($0)) != 0 }
                        .map { model.scenario.lists[$0].id }.joined(separator: ",")
                }
                let isPerson = kind == .people
                snapshots.append(
                    SubjectSnapshot(
                        subject: context.firstSubject + subject,
                        subjectKind: isPerson ? .people : .companies,
                        reason: [traced ? "traced" : nil, listed ? "listed" : nil].compactMap { $0 }.joined(
                            separator: ","
                        ),
                        score: standing.scored ? Int(standing.score) : nil,
                        tier: standing.tier >= 0 ? scale?.tiers[Int(standing.tier)].id : nil,
                        lists: names(standing.lists),
                        everListed: names(state.everListed[subject]),
                        records: Int(state.records[subject]),
                        falseRecords: Int(state.falseRecords[subject]),
                        blocked: Int(state.blocked[subject]),
                        rewarded: Int(state.rewarded[subject]),
                        age: isPerson ? context.age(subject) : nil,
                        male: isPerson ? PersonFlags(rawValue: people.flags[subject]).contains(.male) : nil,
                        province: census.provinces[context.province(subject)].code,
                        urban: isPerson ? PersonFlags(rawValue: people.flags[subject]).contains(.urban) : nil,
                        incomeQuintile: isPerson ? Int(people.quintile[subject]) : nil,
                        falseLists: names(state.listFalse[subject] & state.everListed[subject]),
                        spilloverPoints: isPerson ? Int(state.spillDelta[subject]) : 0,
                        spilloverCeiling: isPerson && state.spillCeiling[subject] != 0xFF
                            ? scale?.tiers[Int(state.spillCeiling[subject])].id : nil,
                        spillovers: isPerson ? spilloverNames(state.spillMask[subject]) : ""
                    )
                )
            }
        }
        return gatheredAtFirstShard(snapshots, kind: \.subjectKind)
    }

    /// The ids of the spillovers in a mask of block and reward effects, comma-separated.
    func spilloverNames(_ mask: UInt16) -> String {
        model.scenario.spillovers.indices.filter { mask & (1 << UInt16($0)) != 0 }
            .map { model.scenario.spillovers[$0].id }.joined(separator: ",")
    }

    /// Totals over the run so far, by name (the same names as the monthly metrics), over every
    /// shard (each must ask).
    public var runTotals: [String: Double] {
        var all = totals
        all.add(month)
        all = summedOverShards(all)
        let s = model.scenario
        var out: [String: Double] = [
            "records.total": Double(all.records.reduce(0, +)), "records.false": Double(all.falseRecords),
            "records.judged_otherwise": Double(all.judgedOtherwise), "blocked.total": Double(all.blocked.reduce(0, +)),
            "blocked_wrongly.total": Double(all.wrongfulBlocked.reduce(0, +)),
            "rewards.total": Double(all.rewards.reduce(0, +)),
            "appeals.filed": Double(all.appealsFiled), "appeals.overturned": Double(all.appealsOverturned),
            "list.entries_false": Double(all.wrongfulListings), "behaviors.total": Double(all.behaviors.reduce(0, +)),
        ]
        for (l, list) in s.lists.enumerated() { out["list.entries.\(list.id)"] = Double(all.listEntries[l]) }
        for (a, action) in s.actions.enumerated() {
            out["blocked.\(action.id)"] = Double(all.blocked[a])
            out["rewards.\(action.id)"] = Double(all.rewards[a])
        }
        return out
    }

    /// Bytes of run state per person (people's state, derived state and snapshots; companies'
    /// counted in).
    public var stateBytesPerPerson: Int {
        let people =
            self.people.columns.reduce(0) { $0 + $1.count } + self.people.derivedBytes + peopleSnapshot.count
            * MemoryLayout<StandingSnapshot>.stride
        let companies =
            self.companies.columns.reduce(0) { $0 + $1.count } + self.companies.derivedBytes
            + companySnapshot.count * MemoryLayout<StandingSnapshot>.stride
        return (people + companies) / max(1, population.count)
    }

    /// People ever listed, per list, over every shard (each must ask).
    public var everListedCounts: [String: Int] {
        let lists = model.scenario.lists
        let local = lists.indices.map { l in
            let bit = UInt8(1) << UInt8(l)
            let state = lists[l].subject == .people ? people : companies
            var n = 0
            for subject in 0..<state.count where state.everListed[subject] & bit != 0 { n += 1 }
            return n
        }
        let summed = summedOverShards(local)
        return Dictionary(uniqueKeysWithValues: lists.indices.map { (lists[$0].id, summed[$0]) })
    }
}
