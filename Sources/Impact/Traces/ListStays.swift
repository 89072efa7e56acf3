import SocialCredit

/// One stay of a traced person on a list, as the decision engine rebuilds it from their records.
struct ListStay: Sendable, Equatable {
    /// Index of the list.
    var list: Int
    /// First day on it; nil for a list that follows a condition.
    var since: Day?
    /// First day off it (term, repair or appeal); nil while open with no end date.
    var until: Day?
    /// `term`, `repaired`, `overturned` or `open`.
    var ending: String
    /// The record that listed the person, the rule that did, and whether the record was false.
    var record: Int?
    var rule: Int?
    var falseRecord: Bool?
    /// Records that extended the stay, and by how many days.
    var extensions: [Int]
    var extendedDays: Int
    /// Whether the stay lasts to the end of the run.
    var atEnd: Bool
}

/// Every list stay of a traced person over a run: the engine's list entries on the last day
/// (current and past), and the stays that appeals cut short, which the engine drops once the
/// record is struck out and which are found by assessing the day before each decision.
struct ListStays {
    /// The stays, by start day (stays on condition lists last).
    var all: [ListStay]

    init(policy: Policy, records: TracedRecords, province: Int, enrolled: Bool, end: Day) {
        let subject = records.subject(kind: .people, province: province, enrolled: enrolled)
        let byID = Dictionary(records.records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let standing = policy.assess(subject, on: end)
        func stay(_ entry: ListEntry, atEnd: Bool, overturnedOn: Day? = nil) -> ListStay {
            let record = entry.start == nil ? nil : entry.triggers.first
            let rule = record.flatMap { id in
                standing.contributions.first { $0.record == id && policy.ruleList[$0.rule] == entry.list }?.rule
                    ?? byID[id].flatMap { r in r.ruleAppeals.keys.sorted().first { policy.ruleList[$0] == entry.list } }
            }
            let ending: String
            switch entry.ending {
            case .open: ending = "open"
            case .term: ending = "term"
            case .repaired: ending = "repaired"
            }
            return ListStay(
                list: entry.list,
                since: entry.start,
                until: overturnedOn ?? entry.end,
                ending: overturnedOn == nil ? ending : "overturned",
                record: record,
                rule: rule,
                falseRecord: record.flatMap { byID[$0]?.misattributed },
                extensions: entry.extensions,
                extendedDays: entry.extendedDays,
                atEnd: atEnd && overturnedOn == nil
            )
        }
        var stays = standing.lists.filter { policy.scenario.lists[$0.list].subject == .people }.map {
            stay($0, atEnd: true)
        }
        stays += standing.pastLists.map { stay($0, atEnd: false) }
        // Listings struck out on appeal: the stay ran from the record to the decision.
        for record in records.records {
            for (rule, appeal) in record.ruleAppeals.sorted(by: { $0.key < $1.key })
            where appeal.outcome == .overturned && appeal.decided <= end {
                guard let list = policy.ruleList[rule] else { continue }
                let before = policy.assess(subject, on: appeal.decided.adding(days: -1))
                if let entry = before.lists.first(where: { $0.list == list && $0.triggers.first == record.id }) {
                    stays.append(stay(entry, atEnd: false, overturnedOn: appeal.decided))
                }
            }
        }
        all = stays.sorted { ($0.since?.number ?? .max, $0.list) < ($1.since?.number ?? .max, $1.list) }
    }
}
