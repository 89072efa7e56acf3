import Foundation
import SocialCredit

extension PopulationGenerator {
    /// Step 3: every household's members, with ages, sexes, links, surnames and dates of birth.
    func makePeople(plan: HouseholdPlan, random: CounterRandom, parallel: ParallelChunks) -> Population {
        let count = Int(plan.personStart.last.map { $0 + UInt32(plan.sizes.last!) } ?? 0)
        var age = [UInt8](repeating: 0, count: count)
        var flags = [PersonFlags](repeating: [], count: count)
        var province = [UInt8](repeating: 0, count: count)
        var mother = [UInt32](repeating: Population.none, count: count)
        var father = [UInt32](repeating: Population.none, count: count)
        var spouse = [UInt32](repeating: Population.none, count: count)
        var surname = [UInt16](repeating: 0, count: count)
        var birthDay = [Int32](repeating: 0, count: count)
        let reference = Day(year: 2020, month: 11, day: 1)!
        let households = plan.sizes.count

        age.withUnsafeMutableBufferPointer { ageBuffer in
            flags.withUnsafeMutableBufferPointer { flagBuffer in
                province.withUnsafeMutableBufferPointer { provinceBuffer in
                    mother.withUnsafeMutableBufferPointer { motherBuffer in
                        father.withUnsafeMutableBufferPointer { fatherBuffer in
                            spouse.withUnsafeMutableBufferPointer { spouseBuffer in
                                surname.withUnsafeMutableBufferPointer { surnameBuffer in
                                    birthDay.withUnsafeMutableBufferPointer { birthBuffer in
                                        let columns = (
                                            age: SharedColumn(ageBuffer), flags: SharedColumn(flagBuffer),
                                            province: SharedColumn(provinceBuffer),
                                            mother: SharedColumn(motherBuffer),
                                            father: SharedColumn(fatherBuffer), spouse: SharedColumn(spouseBuffer),
                                            surname: SharedColumn(surnameBuffer), birth: SharedColumn(birthBuffer)
                                        )
                                        // Each chunk of households writes only its own members' rows.
                                        _ = parallel.mapChunks(count: households, chunks: parallel.threads * 8) {
                                            range in
                                            var drafts: [MemberDraft] = []
                                            drafts.reserveCapacity(16)
                                            var stratum = plan.stratum(ofHousehold: range.lowerBound)
                                            for h in range {
                                                while stratum + 1 < plan.strata, plan.householdStart[stratum + 1] <= h {
                                                    stratum += 1
                                                }
                                                let key = plan.key(ofHousehold: h, stratum: stratum)
                                                let urban = stratum % 2 == 0
                                                let spec = HouseholdSpec(
                                                    size: Int(plan.sizes[h]),
                                                    generations: Int(plan.generations[h]),
                                                    urban: urban
                                                )
                                                ageModel.draft(
                                                    spec,
                                                    households: householdModel,
                                                    random: random,
                                                    key: key,
                                                    into: &drafts
                                                )
                                                let first = Int(plan.personStart[h])
                                                let familyName = UInt16(names.surname(random.uniform(.surname, key, 0)))
                                                for (m, draft) in drafts.enumerated() {
                                                    let person = first + m
                                                    let personKey = UInt64(plan.firstPerson + person)
                                                    columns.age[person] = UInt8(draft.age)
                                                    var f: PersonFlags = []
                                                    if draft.male { f.insert(.male) }
                                                    if urban { f.insert(.urban) }
                                                    if spec.collective { f.insert(.collective) }
                                                    columns.flags[person] = f
                                                    columns.province[person] = UInt8((plan.firstStratum + stratum) / 2)
                                                    if draft.mother >= 0 {
                                                        columns.mother[person] = UInt32(first + draft.mother)
                                                    }
                                                    if draft.father >= 0 {
                                                        columns.father[person] = UInt32(first + draft.father)
                                                    }
                                                    if draft.spouse >= 0 {
                                                        columns.spouse[person] = UInt32(first + draft.spouse)
                                                    }
                                                    // Blood members carry the family name; those married in (and, in one-
                                                    // generation households, everyone but the first) bear their own.
                                                    let ownName = spec.generations >= 2 ? !draft.bloodLine : m > 0
                                                    columns.surname[person] =
                                                        ownName
                                                        ? UInt16(names.surname(random.uniform(.surname, personKey, 1)))
                                                        : familyName
                                                    // Born on a day such that the age at the census reference day is right.
                                                    let daysBack =
                                                        Int(draft.age) * 365 + Int(draft.age) / 4
                                                        + random.below(365, .birthday, personKey)
                                                    columns.birth[person] = reference.adding(days: -daysBack).number
                                                }
                                                // Children take their father's surname when he is in the household.
                                                for (m, draft) in drafts.enumerated()
                                                where draft.father >= 0 && draft.bloodLine {
                                                    columns.surname[first + m] = columns.surname[first + draft.father]
                                                }
                                            }
                                            return 0
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        let householdColumns = Households(start: plan.personStart, size: plan.sizes, generations: plan.generations)
        return Population(
            seed: random.seed,
            age: age,
            flags: flags,
            province: province,
            education: [UInt8](repeating: 0, count: count),
            income: [Float](repeating: 0, count: count),
            mother: mother,
            father: father,
            spouse: spouse,
            employer: [UInt32](repeating: Population.none, count: count),
            surname: surname,
            birthDay: birthDay,
            households: householdColumns,
            network: .unbuilt,
            companies: .empty
        )
    }
}
