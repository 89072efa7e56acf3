import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Testing

@testable import Impact

/// Intervals over seeds, worked out by hand (docs/metrics.md, "Uncertainty over seeds").
struct SeedIntervalTests {
    @Test("Paired: differences 1, 2, 3 give mean 2, sd 1 and half-width t(0.975, 2)/√3 = 4.303/√3")
    func pairedByHand() throws {
        let interval = try #require(SeedInterval.paired([1, 2, 3]))
        #expect(interval.method == .paired && interval.seeds == 3 && interval.degreesOfFreedom == 2)
        #expect(interval.mean == 2)
        let half = try #require(interval.halfWidth)
        #expect(abs(half - 4.303 / 3.0.squareRoot()) < 1e-12)
        #expect(abs(half - 2.484) < 0.001)
        #expect(abs(try #require(interval.lower) - (-0.484)) < 0.001)
        #expect(abs(try #require(interval.upper) - 4.484) < 0.001)
        #expect(interval.includesZero == true)
        #expect(interval.verdict == "not distinguishable from chance")
        #expect(interval.text(.count) == "+2 (95% interval -0.5 to +4.5 over 3 seeds)")
    }

    @Test(
        "The wording switches where the interval stops including 0, on either side",
        arguments: [([1, 2, 3], true), ([2, 3, 4], false), ([-3, -2, -1], true), ([-4, -3, -2], false)]
            as [([Double], Bool)]
    )
    func wordingAtZero(differences: [Double], includesZero: Bool) throws {
        // Each set has sd 1, so the half-width is 2.484: mean ±2 includes 0, mean ±3 does not.
        let interval = try #require(SeedInterval.paired(differences))
        #expect(interval.includesZero == includesZero)
        #expect(interval.verdict == (includesZero ? "not distinguishable from chance" : "the 95% interval excludes 0"))
    }

    @Test("An interval ending exactly at 0 includes it; differences that never vary give a point")
    func edges() throws {
        // mean 4.303/√3 with the same spread as 1, 2, 3: the lower end is 0 (up to rounding).
        let shift = 4.303 / 3.0.squareRoot()
        let touching = try #require(SeedInterval.paired([shift - 1, shift, shift + 1]))
        #expect(abs(try #require(touching.lower)) < 1e-12)
        let steady = try #require(SeedInterval.paired([2, 2, 2]))
        #expect(steady.halfWidth == 0 && steady.includesZero == false)
        let none = try #require(SeedInterval.paired([0, 0]))
        #expect(none.includesZero == true)
    }

    @Test("One seed: no interval is invented")
    func oneSeed() throws {
        let interval = try #require(SeedInterval.paired([5]))
        #expect(interval.halfWidth == nil && interval.lower == nil && interval.includesZero == nil)
        #expect(interval.verdict == "one seed: no interval can be given")
        #expect(interval.text(.count) == "+5 (one seed: no interval can be given)")
        #expect(SeedInterval.paired([]) == nil)
        #expect(try #require(SeedInterval.welch([1], [2, 3])).halfWidth == nil)
    }

    @Test("Welch: A = 1, 2, 3 and B = 4, 6, 8 give 4 ± 4.303·√(5/3) with ν = 50/17")
    func welchByHand() throws {
        let interval = try #require(SeedInterval.welch([1, 2, 3], [4, 6, 8]))
        #expect(interval.method == .welch && interval.mean == 4)
        #expect(abs(try #require(interval.degreesOfFreedom) - 50.0 / 17.0) < 1e-12)
        // ν = 2.94 is rounded down to 2: t = 4.303; se² = 1/3 + 4/3.
        #expect(abs(try #require(interval.halfWidth) - 4.303 * (5.0 / 3.0).squareRoot()) < 1e-12)
        #expect(interval.includesZero == true)
    }

    @Test(
        "t quantiles: tabulated values, and the next lower entry between them",
        arguments: [
            (1, 12.706), (2, 4.303), (2.94, 4.303), (3, 3.182), (30, 2.042), (35, 2.042), (40, 2.021), (99, 1.987),
            (1_000, 1.984), (0.5, 12.706),
        ] as [(Double, Double)]
    )
    func quantiles(df: Double, t: Double) {
        #expect(StudentT.quantile975(degreesOfFreedom: df) == t)
    }
}

/// The report's counterfactual comparison and `compare` over seeds, on the hand-made run.
struct SeedReportTests {
    /// The hand-made run (seed 9) with two further seeds whose offences flip the difference's
    /// sign: with the system minus switched off is −45 (seed 9), −20 (10) and +10 (11).
    static func seeded() throws -> RunData {
        var run = try ReportTests.handMade()
        run.info.seeds = 3
        run.replicates = [
            SeedOutcome(
                seed: 10,
                values: [
                    "behavior.offence": 400, "counterfactual.behavior.offence": 420, "records": 200,
                    "change.contradictory": -20.0 / 420,
                ]
            ),
            SeedOutcome(
                seed: 11,
                values: [
                    "behavior.offence": 500, "counterfactual.behavior.offence": 490, "records": 250,
                    "change.contradictory": 10.0 / 490,
                ]
            ),
        ]
        return run
    }

    func trust(_ run: RunData) throws -> Section {
        try #require(Report(run).sections.first { $0.id == "trust" })
    }

    func table(_ section: Section, _ caption: String) -> Table? {
        section.blocks.compactMap { if case let .table(t) = $0, t.caption.hasPrefix(caption) { t } else { nil } }.first
    }

    @Test("The run's own outcome holds its key metrics, behaviour totals and changes")
    func outcome() throws {
        let outcome = try ReportTests.handMade().outcome
        #expect(outcome.seed == 9)
        #expect(outcome.values["records"] == 225)
        #expect(outcome.values["behavior.offence"] == 450 && outcome.values["counterfactual.behavior.offence"] == 495)
        #expect(outcome.values["change.contradictory"] == outcome.values["contradictory_change"])
    }

    @Test("A difference that flips sign over seeds is not distinguishable from chance")
    func flipsSign() throws {
        let run = try Self.seeded()
        let interval = try #require(run.behaviourDifferenceInterval("offence"))
        #expect(interval.seeds == 3 && abs(interval.mean - (-55.0 / 3)) < 1e-9)
        // Differences −45, −20, +10: deviations −80/3, −5/3, +85/3, s² = (6400 + 25 + 7225)/9/2 = 13650/18.
        let expectedHalf: Double = 4.303 * (13_650.0 / 18 / 3).squareRoot()
        let half = try #require(interval.halfWidth)
        #expect(abs(half - expectedHalf) < 1e-9)
        let section = try trust(run)
        let rows = try #require(table(section, "Behaviour with the system")).rows
        let offence = try #require(rows.first { $0.first == "offence" })
        #expect(offence[4] == "-45")  // this seed's difference
        #expect(offence[6] == "-18.3" && offence[8] == "not distinguishable from chance")
        #expect(
            section.blocks.contains {
                if case let .paragraph(p) = $0 { p.contains("measured over 3 seeds (9, 10, 11)") } else { false }
            }
        )
        let conduct = try #require(table(section, "Change of people's behaviour"))
        #expect(conduct.rows.first { $0[0] == "contradictory" }?[4] == "not distinguishable from chance")
        #expect(
            !section.blocks.contains { if case let .paragraph(p) = $0 { p.contains("not chance.") } else { false } }
        )
    }

    @Test("With one seed the report says no interval can be given, and shows none")
    func oneSeed() throws {
        let section = try trust(try ReportTests.handMade())
        #expect(
            section.blocks.contains {
                if case let .paragraph(p) = $0 { p.contains("one seed, so no interval can be given") } else { false }
            }
        )
        #expect(table(section, "Behaviour with the system")?.columns.contains("95% interval") == false)
        #expect(table(section, "Change of people's behaviour") == nil)
    }

    @Test("compare: paired over shared seeds, Welch's without a shared society")
    func compare() throws {
        let a = try Self.seeded()
        var b = a
        b.directory = "runs/tiny-b"
        b.series["records.total"] = [160, 150, 140]  // 450 on seed 9
        b.replicates[0].values["records"] = 300
        b.replicates[1].values["records"] = 400
        let paired = try Comparison([a, b])
        let records = try #require(paired.rows.first { $0.id == "records" }?.intervals[1])
        // Differences 225, 100, 150: mean 475/3, s² = (66.67² + 58.33² + 8.33²)/2 = 3958.33.
        #expect(records.method == .paired && abs(records.mean - 475.0 / 3) < 1e-9)
        let variance: Double = 23_750.0 / 6
        let expectedHalf: Double = 4.303 * (variance / 3).squareRoot()
        let half = try #require(records.halfWidth)
        #expect(abs(half - expectedHalf) < 1e-9)
        #expect(records.includesZero == false)
        #expect(paired.notes.contains { $0.contains("paired over seeds 9, 10, 11") })
        #expect(paired.text.contains("95% interval") && paired.text.contains("the 95% interval excludes 0"))

        var c = b
        c.info.seed = 20
        c.replicates[0].seed = 21
        c.replicates[1].seed = 22
        let welch = try Comparison([a, c], allowDifferentSocieties: true)
        let unpaired = try #require(welch.rows.first { $0.id == "records" }?.intervals[1])
        // A: 225, 200, 250 (mean 225, s² 625); C: 450, 300, 400 (mean 383.33, s² 5833.33).
        #expect(unpaired.method == .welch && abs(unpaired.mean - (1150.0 / 3 - 225)) < 1e-9)
        #expect(welch.notes.contains { $0.contains("Welch") })
    }

    @Test("compare of single-seed runs shows no interval columns and says why")
    func compareOneSeed() throws {
        let a = try ReportTests.handMade()
        var b = a
        b.directory = "runs/tiny-b"
        let comparison = try Comparison([a, b])
        #expect(!comparison.text.contains("95% interval"))
        #expect(comparison.notes.contains { $0.contains("one shared seed (9): no interval can be given") })
    }
}
