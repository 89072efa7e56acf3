import Foundation
import RunRecords
import RunStore
import Simulation
import TestSupport
import Testing

/// The seeds a run is measured over, and each further seed's figures (schema version 6).
struct SeedOutcomeStoreTests {
    @Test("seeds round-trips through the run row; outcomes are stored with finish and read by seed")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        var info = Fixture.info(seed: 7)
        info.seeds = 3
        #expect(info.seedList == [7, 8, 9])
        let store = try RunStore.create(directory: folder.path, info: info)
        #expect(try store.info().seeds == 3)
        #expect(try store.seedOutcomes().isEmpty)  // nothing before finish
        let outcomes = [
            SeedOutcome(seed: 9, values: ["records": 12, "change.contradictory": -0.25]),
            SeedOutcome(seed: 8, values: ["records": 10, "behavior.jaywalking": 3]),
        ]
        try store.finish(snapshots: [], digest: Fixture.digest, summaryJSON: "{}", seedOutcomes: outcomes)
        try store.close()
        let reopened = try RunStore.openReadOnly(directory: folder.path)
        #expect(try reopened.seedOutcomes() == [outcomes[1], outcomes[0]])
    }

    @Test(
        "a seed given twice or a figure that is not finite is refused, and nothing is written",
        arguments: [
            (
                [SeedOutcome(seed: 2, values: ["a": 1]), SeedOutcome(seed: 2, values: ["b": 1])],
                "seed 2 has two outcomes"
            ),
            ([SeedOutcome(seed: 3, values: ["a": .nan])], "seed 3: figure 'a' is nan, not a finite number"),
        ] as [([SeedOutcome], String)]
    )
    func refused(outcomes: [SeedOutcome], reason: String) throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        #expect(throws: RunStoreError.invalidArgument(path: store.databasePath, reason: reason)) {
            try store.finish(snapshots: [], digest: Fixture.digest, summaryJSON: "{}", seedOutcomes: outcomes)
        }
        #expect(try store.progress().finished == false)
    }
}
