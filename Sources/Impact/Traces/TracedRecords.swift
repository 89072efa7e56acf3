import Foundation
import RunRecords
import Simulation
import SocialCredit

/// A traced subject's records as the decision engine takes them, rebuilt from the run store's
/// record traces, so that the engine (`Policy.assess`, `decide`, `explain`) can recompute and
/// explain what the simulation did to that subject.
///
/// Public because it is the one reader of record traces: `sclab explain`, the credit report,
/// `sclab verify` and the web app (person page, JSON API, "try an action") all rebuild records
/// through it, so they cannot disagree on what a trace means.
///
/// The store keeps one trace per record and rule (`TraceID`); the engine takes one `Record` per
/// record, with what each rule made of it (judged otherwise, appealed) carried per rule, as the
/// simulation judges and appeals each rule's judgement on its own.
public struct TracedRecords: Sendable {
    /// The records, by record id.
    public var records: [Record]
    /// The traces of each record, by record id, in rule order.
    public var traces: [Int: [RecordTrace]]

    /// The record id of a trace.
    static func recordID(_ trace: RecordTrace) -> Int { Int(trace.traceID.record) }

    /// Rebuilds the records of one subject's traces; traces naming a behaviour, source or rule
    /// the scenario does not have are reported, since the engine cannot judge them.
    /// - Throws: `ImpactError` naming the record whose behaviour, source, dates or rule the
    ///   scenario does not have.
    public init(_ traces: [RecordTrace], scenario: Scenario) throws {
        let behaviors = Dictionary(scenario.behaviors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sources = Dictionary(scenario.sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = Dictionary(scenario.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let grouped = Dictionary(grouping: traces, by: Self.recordID)
        var records: [Record] = []
        for (id, group) in grouped.sorted(by: { $0.key < $1.key }) {
            let first = group[0]
            guard let behavior = behaviors[first.behavior], let source = sources[first.source],
                let occurred = Day(iso: first.occurred), let recorded = Day(iso: first.recorded)
            else {
                throw ImpactError(
                    "record \(id): behaviour '\(first.behavior)', source '\(first.source)' or its dates are not in the run's scenario"
                )
            }
            var record = Record(
                id: id,
                behavior: behavior,
                source: source,
                occurred: occurred,
                recorded: recorded,
                misattributed: first.misattributed
            )
            for trace in group {
                guard let ruleID = trace.rule else { continue }
                guard let rule = rules[ruleID] else {
                    throw ImpactError("record \(id): rule '\(ruleID)' is not in the run's scenario")
                }
                if trace.judgedOtherwise { record.rulesJudgedOtherwise.insert(rule) }
                if let filed = trace.appealFiled.flatMap(Day.init(iso:)),
                    let decided = trace.appealDecided.flatMap(Day.init(iso:)),
                    let outcome = trace.appealOutcome.flatMap(Appeal.Outcome.init(rawValue:))
                {
                    record.ruleAppeals[rule] = Appeal(filed: filed, decided: decided, outcome: outcome)
                }
            }
            records.append(record)
        }
        self.records = records
        self.traces = grouped.mapValues { $0.sorted { $0.id < $1.id } }
    }

    /// The subject as the engine sees it.
    public func subject(kind: SubjectKind, province: Int, enrolled: Bool) -> Subject {
        Subject(kind: kind, province: province, enrolled: enrolled, records: records)
    }

    /// The records behind the listings of a subject the run did not trace: the only records
    /// known of them, which is what spillovers through lists need. Each is dated on its listing
    /// day and carries nothing else (its rule's judgement is the listing itself); listings naming
    /// a behaviour or source the scenario does not have are left out. Public so that a reader of
    /// untraced relatives (the web app) takes this one special case from here, not its own.
    public static func knownFromListings(_ listings: [Listing], scenario: Scenario) -> [Record] {
        let behaviors = Dictionary(scenario.behaviors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sources = Dictionary(scenario.sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return listings.compactMap { listing in
            guard let behavior = behaviors[listing.behavior], let source = sources[listing.source],
                let day = Day(iso: listing.day)
            else { return nil }
            return Record(
                id: Int(listing.traceID.record),
                behavior: behavior,
                source: source,
                occurred: day,
                recorded: day,
                misattributed: listing.misattributed
            )
        }
    }
}
