import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

extension ExportTable {
    /// Reads one table from a run.
    /// - Throws: `RunStoreError` for a damaged run; `ImpactError` when the stored scenario or a
    ///   trace no longer reads.
    public static func load(_ kind: Kind, from store: RunStore) throws -> ExportTable {
        switch kind {
        case .metrics:
            let rows = try store.allMetrics().map { point -> [ExportValue] in
                [.text(point.period), .text(point.name), .number(point.value)]
            }
            return ExportTable(kind: kind, columns: kind.columns, rows: rows)
        case .people:
            let rows = try store.snapshots().filter { $0.subjectKind == .people }.map(personRow)
            return ExportTable(kind: kind, columns: kind.columns, rows: rows)
        case .records:
            return ExportTable(kind: kind, columns: kind.columns, rows: try store.allTraces().map(recordRow))
        case .lists:
            return try listsTable(store)
        }
    }

    static func personRow(_ s: SubjectSnapshot) -> [ExportValue] {
        [
            .integer(s.subject), .text(s.reason), .boolean(s.reason.split(separator: ",").contains("traced")),
            .integer(s.score), .text(s.tier), .text(s.lists), .text(s.everListed), .text(s.falseLists),
            .integer(s.records), .integer(s.falseRecords), .integer(s.blocked), .integer(s.rewarded),
            .integer(s.spilloverPoints), .text(s.spilloverCeiling), .text(s.spillovers), .integer(s.age),
            .text(s.male.map { $0 ? "male" : "female" }), .integer(s.province),
            .text(Province.withCode(s.province)?.name), .boolean(s.urban), .integer(s.incomeQuintile),
        ]
    }

    static func recordRow(_ t: RecordTrace) -> [ExportValue] {
        [
            .text(t.subjectKind.rawValue), .integer(t.subject), .integer(TracedRecords.recordID(t)), .text(t.rule),
            .text(t.behavior),
            .text(t.source), .text(t.occurred), .text(t.recorded), .integer(t.delta), .boolean(t.judgedOtherwise),
            .boolean(t.misattributed), .integer(t.actualSubject), .text(t.listed), .text(t.appealFiled),
            .text(t.appealDecided), .text(t.appealOutcome),
        ]
    }

    /// Every listed person's stays: rebuilt by the engine from the records of traced people, the
    /// lists ever held for the others.
    static func listsTable(_ store: RunStore) throws -> ExportTable {
        let data = try RunData.load(store: store)
        let policy: Policy
        do { policy = try Policy(data.scenario) } catch {
            throw ImpactError("\(store.databasePath): the stored scenario does not compile: \(error)")
        }
        let end = data.lastDay
        var rows: [[ExportValue]] = []
        for s in try store.snapshots() where s.subjectKind == .people && !s.everListed.isEmpty {
            if s.reason.split(separator: ",").contains("traced") {
                let records = try TracedRecords(
                    store.traces(subject: s.subject, kind: "people"),
                    scenario: data.scenario
                )
                let stays = ListStays(
                    policy: policy,
                    records: records,
                    province: s.province,
                    enrolled: s.score != nil,
                    end: end
                )
                rows += stays.all.map { stay in
                    [
                        .integer(s.subject), .text(policy.scenario.lists[stay.list].id),
                        .text(policy.scenario.lists[stay.list].kind.rawValue), .boolean(stay.atEnd),
                        .text(stay.since?.description),
                        .text(stay.until?.description), .text(stay.ending), .integer(stay.record),
                        .text(stay.rule.map { policy.scenario.rules[$0].id }), .boolean(stay.falseRecord),
                        .text("records"),
                    ]
                }
            } else {
                let atEnd = Set(s.lists.split(separator: ","))
                let wrong = Set(s.falseLists.split(separator: ","))
                for id in s.everListed.split(separator: ",") {
                    let kind = data.scenario.lists.first { $0.id == id }?.kind.rawValue
                    rows.append([
                        .integer(s.subject), .text(String(id)), .text(kind), .boolean(atEnd.contains(id)), .null, .null,
                        .text("unknown"), .null, .null, .boolean(wrong.contains(id)), .text("snapshot"),
                    ])
                }
            }
        }
        return ExportTable(kind: .lists, columns: Kind.lists.columns, rows: rows)
    }
}
