import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Testing

@testable import Impact

/// Key metrics and comparisons of runs, on the hand-made run whose figures are known.
struct CompareTests {
    func metric(_ run: RunData, _ id: String) -> Double? { run.keyMetrics.first { $0.id == id }?.value }

    @Test("Key metrics of the hand-made run, computed by hand")
    func keyMetrics() throws {
        let run = try ReportTests.handMade()
        #expect(metric(run, "records") == 225)  // 80 + 75 + 70
        #expect(metric(run, "false_records") == 22)  // 8 + 7 + 7
        #expect(metric(run, "wrongful_blocks") == 15)  // 3 + 5 + 7
        #expect(metric(run, "ever_blacklisted") == 200)
        #expect(metric(run, "sanctioned") == 75)
        #expect(metric(run, "mean_score") == 990)  // 990,000 / 1,000
        // Bands 0, 500, 1000 (width 500) with 0, 200, 800 people at the end, at 250, 750, 1250:
        // G = 2·200·800·500 / (2·1000·(200·750 + 800·1250)) = 0.0695652...
        #expect(abs(try #require(metric(run, "score_gini")) - 160_000_000.0 / 2_300_000_000.0) < 1e-12)
        // Offences 450 with the system, 495 switched off: (450 − 495) / 495.
        #expect(abs(try #require(metric(run, "contradictory_change")) - (-45.0 / 495.0)) < 1e-12)
    }

    @Test("Differences are against the first run, absolute and relative")
    func differences() throws {
        let a = try ReportTests.handMade()
        var b = a
        b.directory = "runs/tiny-b"
        b.series["records.total"] = [160, 150, 140]  // 450: twice the baseline's 225
        b.series["blocked_wrongly.total"] = [0, 0, 0]
        let comparison = try Comparison([a, b])
        let records = try #require(comparison.rows.first { $0.id == "records" })
        #expect(records.values == [225, 450] && records.differences == [0, 225] && records.relative == [0, 1])
        let wrongful = try #require(comparison.rows.first { $0.id == "wrongful_blocks" })
        #expect(wrongful.differences == [0, -15] && wrongful.relative == [0, -1])
        #expect(comparison.text.contains("records made"))
        #expect(comparison.text.contains("+225"))
        #expect(comparison.text.contains("+100.00%"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(comparison.json().utf8)) as? [String: Any])
        #expect((json["rows"] as? [Any])?.count == a.keyMetrics.count)
    }

    @Test(
        "Runs of different societies are refused unless allowed",
        arguments: [(5_000, 9), (1_000, 10)] as [(Int, UInt64)]
    )
    func differentSocieties(population: Int, seed: UInt64) throws {
        let a = try ReportTests.handMade()
        var b = a
        b.directory = "runs/other"
        b.info.population = population
        b.info.seed = seed
        #expect {
            try Comparison([a, b])
        } throws: { error in
            "\(error)".contains("runs/tiny and runs/other are runs of different societies")
                && "\(error)".contains("--allow-different-societies")
        }
        let allowed = try Comparison([a, b], allowDifferentSocieties: true)
        #expect(allowed.notes.contains { $0.contains("different societies") })
    }
}
