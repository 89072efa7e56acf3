import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

@Suite("Rate tables")
struct RateTableTests {
    @Test("Distinct rows of a hand-made table, in order of first appearance")
    func distinctRows() {
        let table: [Float] = [1, 2, 3, 4, 1, 2, 5, 6, 3, 4, 0, -0.0]
        let (rows, index) = RunModel.distinctRows(table, width: 2)
        #expect(rows == [1, 2, 3, 4, 5, 6, 0, -0.0])
        #expect(index == [0, 1, 0, 2, 1, 3])
    }

    @Test("No behaviours: every type reads the empty row 0")
    func noBehaviours() {
        let (rows, index) = RunModel.distinctRows([], width: 0)
        #expect(rows.isEmpty)
        #expect(index.count == RunModel.personTypes && index.allSatisfy { $0 == 0 })
    }

    @Test("Every person type of the seed scenario reads its own rates through its row")
    func seedRowsMatchTypes() throws {
        let scenario = try Societies.seedScenario().scenario
        let model = RunModel(policy: try Policy(scenario), census: Societies.census)
        let count = scenario.behaviors.count
        #expect(model.behaviorRow.count == RunModel.personTypes)
        // Ages share rates within the scenario's age bands: far fewer rows than types.
        #expect(model.behaviorRates.count / count < RunModel.personTypes / 4)
        for type in 0..<RunModel.personTypes {
            let age = type % 101
            let traits = Traits(
                age: age,
                incomeQuintile: (type / 101) % 5 + 1,
                isUrban: (type / 505) % 2 == 1,
                isMale: type / 1010 == 1
            )
            let row = Int(model.behaviorRow[type]) * count
            for b in 0..<count {
                #expect(model.behaviorRates[row + b] == Float(scenario.behaviors[b].rate.perYear(for: traits)))
            }
        }
        #expect(RunModel.personType(male: true, urban: false, quintile: 3, age: 40) == 1010 + 2 * 101 + 40)
    }

    @Test(
        "Propensity words drawn: one per eight behaviours up to the last dispersed one, at most four",
        arguments: [
            ([(0, true)], 1), ([(7, true), (8, false)], 1), ([(8, true)], 2), ([(23, true), (24, false)], 3),
            ([(24, true)], 4), ([(40, true)], 4), ([(3, false)], 0), ([], 0),
        ] as [([(Int32, Bool)], Int)]
    )
    func propensityWords(entries: [(Int32, Bool)], words: Int) {
        let behaviors = entries.map {
            BehaviorEntry(index: $0.0, groups: 1, sectors: 0, dispersed: $0.1, personal: 0)
        }
        #expect(RunModel.propensityWords(behaviors) == words)
    }
}
