import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// A run as the runs list shows it: what was run and a few headline figures.
struct RunOverview: Sendable, Codable, Equatable {
    var id: String
    var scenario: String
    var scenarioName: String
    var population: Int
    var seed: String
    var start: String
    var end: String
    var finished: Bool
    var daysDone: Int
    var digest: String?
    /// Headline figures from the run's totals: records, false records, blocked actions, rewards,
    /// list entries, people traced.
    var records: Int
    var falseRecords: Int
    var blocked: Int
    var wronglyBlocked: Int
    var rewards: Int
    var listEntries: Int
    var traced: Int
    /// Why the run could not be read, for a listed run that is damaged; nil otherwise.
    var error: String?
}

extension RunView {
    /// The runs list's line for this run.
    var overview: RunOverview {
        let totals = data.totals
        func total(_ name: String) -> Int { Int(totals[name] ?? data.sum(name)) }
        let listEntries = scenario.lists.reduce(0) { $0 + total("list.entries.\($1.id)") }
        return RunOverview(
            id: id,
            scenario: scenario.id,
            scenarioName: scenario.name,
            population: data.info.population,
            seed: String(data.info.seed),
            start: data.info.start,
            end: data.info.end,
            finished: data.progress.finished,
            daysDone: data.progress.daysDone,
            digest: data.progress.digest,
            records: total("records.total"),
            falseRecords: total("records.false"),
            blocked: total("blocked.total"),
            wronglyBlocked: total("blocked_wrongly.total"),
            rewards: total("rewards.total"),
            listEntries: listEntries,
            traced: traced.count,
            error: nil
        )
    }
}

extension RunCatalog {
    /// Every run in the folder with its headline figures; a run that cannot be read is listed
    /// with the reason.
    func overviews() -> [RunOverview] {
        runIDs().map { id in
            do {
                return try run(id).overview
            } catch {
                let message = (error as? ObservatoryError)?.message ?? "\(error)"
                return RunOverview(
                    id: id,
                    scenario: "",
                    scenarioName: "",
                    population: 0,
                    seed: "",
                    start: "",
                    end: "",
                    finished: false,
                    daysDone: 0,
                    digest: nil,
                    records: 0,
                    falseRecords: 0,
                    blocked: 0,
                    wronglyBlocked: 0,
                    rewards: 0,
                    listEntries: 0,
                    traced: 0,
                    error: message
                )
            }
        }
    }
}
