import Foundation
import Impact
import RunStore
import Simulation
import SocialCredit
import Society

/// A person's credit report (N1), as `sclab explain` gives it and the person page shows it: who
/// they are, what the run ended with, and for a traced person the decision engine's standing on
/// the run's last day, every record and rule behind it, the measures in force with their reasons,
/// and the notices (a ringtone warning where the scenario gives one).
struct CreditReport: Sendable, Codable, Equatable {
    var run: String
    var person: Int
    var name: String
    var pinyin: String
    /// Identity number with the date of birth hidden.
    var identity: String
    var sex: String
    /// Age at the run's last day.
    var age: Int
    var province: String
    var residence: String
    /// The day of the standing: the run's last day.
    var day: String
    /// Whether the run kept this person's full record history.
    var traced: Bool
    /// What the simulation stored at the end (traced or ever listed people); nil otherwise.
    var final: FinalState?
    /// The engine's standing from the records (traced people only).
    var standing: StandingView?
    /// The records (traced people only), oldest first.
    var records: [RecordTrace]
    /// Entries onto lists (kept for everyone).
    var listings: [Listing]
    /// Notice channels in force (e.g. `ringtone_warning`, `name_published`).
    var notices: [String]
    /// The ringtone warning callers hear, when the scenario gives one and it is in force.
    var ringtoneWarning: String?
    /// The engine's explanation, line by line (traced people only).
    var explanation: String?
    /// What the report cannot know, in words (untraced people, untraced relatives).
    var caveats: [String]
}

/// The final state the simulation stored.
struct FinalState: Sendable, Codable, Equatable {
    var score: Int?
    var tier: String?
    var lists: [String]
    var everListed: [String]
    var records: Int
    var falseRecords: Int
    var blocked: Int
    var rewarded: Int
}

/// The engine's standing, with names instead of indices.
struct StandingView: Sendable, Codable, Equatable {
    var score: Int?
    var tier: String?
    var initial: Int?
    var contributions: [ContributionView]
    var ceilings: [String]
    var lists: [ListEntryView]
    var spillovers: [String]
    var measures: [MeasureView]
}

/// One rule applied to one record.
struct ContributionView: Sendable, Codable, Equatable {
    var record: Int
    var behavior: String
    var source: String
    var recorded: String
    var rule: String
    var delta: Int
    var nominal: Int
    var status: String
    var expires: String?
}

/// One stay on a list.
struct ListEntryView: Sendable, Codable, Equatable {
    var list: String
    var label: String
    var kind: String
    var since: String?
    var until: String?
    var records: [Int]
    var published: Bool
}

/// A measure in force, with why.
struct MeasureView: Sendable, Codable, Equatable {
    var measure: String
    var label: String
    var kind: String
    var action: String?
    var because: BecauseView
}

/// The standing behind a reason: lists, tier, score, records and rules.
struct BecauseView: Sendable, Codable, Equatable {
    var lists: [String]
    var tier: String?
    var score: Int?
    var records: [Int]
    var rules: [String]
}

extension RunView {
    /// The credit report of a person.
    /// - Throws: `ObservatoryError.notFound` for an index outside the society.
    func creditReport(_ person: Int) throws -> CreditReport {
        try requirePerson(person)
        let society = try societyView()
        let population = society.population
        let s = scenario
        let name = society.name(person)
        let male = population.flags[person].contains(.male)
        let birth = Day(number: population.birthDay[person])
        let age = max(0, birth.days(to: day) / 365)
        let province = Province.withCode(society.provinceCode(person))?.name ?? "?"
        var report = CreditReport(
            run: id, person: person, name: name.han, pinyin: name.pinyin,
            identity: maskedIdentity(society.identity(person)), sex: male ? "male" : "female", age: age,
            province: province, residence: population.flags[person].contains(.urban) ? "urban" : "rural",
            day: day.description, traced: isTraced(person), final: people[person].map(FinalState.init),
            standing: nil, records: peopleTraces[person] ?? [], listings: peopleListings[person] ?? [],
            notices: [], ringtoneWarning: nil, explanation: nil, caveats: [])
        guard let file = try personFile(person) else {
            report.caveats.append("This run kept the full record history of traced people only; person \(person) is not "
                + "one of them, so their score and the reasons behind it are not known here. "
                + (report.final == nil ? "They were never on a list." : "Their final state and listings are shown."))
            return report
        }
        let standing = policy.assess(file.subject, on: day, relations: file.relations)
        report.standing = view(standing, file.subject.records)
        report.notices = policy.notices(for: standing)
        // The scenario says what the warning is (its label) and the engine why it is in force.
        if let active = standing.measures.first(where: { s.measures[$0.measure].channel == "ringtone_warning" }) {
            let measure = s.measures[active.measure]
            let why = because(active.because, .people)
            let reasons = why.lists.map { "on list \($0)" } + (why.tier.map { ["tier \($0)"] } ?? [])
            report.ringtoneWarning = (measure.label.isEmpty ? measure.id : measure.label)
                + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
        }
        report.explanation = policy.explain(standing, records: file.subject.records)
        if let final = report.final, final.score != standing.score || final.tier != report.standing?.tier {
            report.caveats.append("The simulation ended with score \(final.score.map(String.init) ?? "none"), tier "
                + "\(final.tier ?? "none"); the decision engine, recomputing from the records, gives "
                + "\(standing.score.map(String.init) ?? "none"), tier \(report.standing?.tier ?? "none"). They differ "
                + "when a record overturned on appeal had used a rule's yearly cap: the engine frees that room, the "
                + "simulation does not.")
        }
        if file.linked > file.linkedTraced {
            report.caveats.append("Spillovers: \(file.linkedTraced) of \(file.linked) relatives and friends are traced; for "
                + "the others only their listings are known to this page.")
        }
        return report
    }

    /// Throws 404 unless `person` is an index of the society.
    func requirePerson(_ person: Int) throws {
        guard person >= 0, person < data.info.population else {
            throw ObservatoryError.notFound("no person \(person) in run '\(id)' (people are numbered 0 to \(data.info.population - 1))")
        }
    }

    /// A standing with names.
    func view(_ standing: Standing, _ records: [Record]) -> StandingView {
        let s = scenario
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let scale = policy.scale(for: standing.kind)
        func tierName(_ tier: Int?) -> String? {
            guard let tier, let scale, scale.tiers.indices.contains(tier) else { return nil }
            return scale.tiers[tier].id
        }
        return StandingView(
            score: standing.score, tier: tierName(standing.tier), initial: scale?.initial,
            contributions: standing.contributions.map { c in
                let record = byID[c.record]
                return ContributionView(
                    record: c.record, behavior: record.map { s.behaviors[$0.behavior].id } ?? "?",
                    source: record.map { s.sources[$0.source].id } ?? "?", recorded: c.recorded.description,
                    rule: s.rules[c.rule].id, delta: c.delta, nominal: c.nominal, status: c.status.rawValue,
                    expires: c.expires?.description)
            },
            ceilings: standing.ceilings.map { ceiling in
                switch ceiling.origin {
                case let .rule(rule, record): "tier at best \(tierName(ceiling.tier) ?? "?"): rule \(s.rules[rule].id), record #\(record)"
                case let .spillover(index): "tier at best \(tierName(ceiling.tier) ?? "?"): spillover \(s.spillovers[index].id)"
                }
            },
            lists: standing.lists.map { entry in
                let list = s.lists[entry.list]
                return ListEntryView(list: list.id, label: list.label, kind: list.kind.rawValue,
                                     since: entry.start?.description, until: entry.end?.adding(days: -1).description,
                                     records: entry.triggers + entry.extensions, published: list.published)
            },
            spillovers: standing.spillovers.map { hit in
                let spillover = s.spillovers[hit.spillover]
                return "\(spillover.id) via \(spillover.link.rawValue) (\(hit.through.count) of \(hit.of))"
            },
            measures: standing.measures.map { active in
                let measure = s.measures[active.measure]
                return MeasureView(measure: measure.id, label: measure.label, kind: measure.kind.rawValue,
                                   action: measure.action?.id, because: because(active.because, standing.kind))
            })
    }

    /// A reason's standing with names.
    func because(_ because: Because, _ kind: SubjectKind) -> BecauseView {
        let s = scenario
        let tiers = policy.scale(for: kind)?.tiers ?? []
        return BecauseView(lists: because.lists.map { s.lists[$0].id },
                           tier: because.tier.flatMap { tiers.indices.contains($0) ? tiers[$0].id : nil },
                           score: because.score, records: because.records, rules: because.rules.map { s.rules[$0].id })
    }
}

extension FinalState {
    init(_ snapshot: SubjectSnapshot) {
        func ids(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
        self.init(score: snapshot.score, tier: snapshot.tier, lists: ids(snapshot.lists), everListed: ids(snapshot.everListed),
                  records: snapshot.records, falseRecords: snapshot.falseRecords, blocked: snapshot.blocked,
                  rewarded: snapshot.rewarded)
    }
}
