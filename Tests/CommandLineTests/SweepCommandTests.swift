import Foundation
import TestSupport
import Testing

/// `sclab sweep` end to end.
@Suite("sclab sweep", .serialized)
struct SweepCommandTests {
    let cli = CommandLineTests()
    let helper = ImpactCommandTests()

    @Test("sweep: a grid over two seeds writes a run per variant and seed, sweep.csv and sweep.html")
    func sweep() throws {
        let out = helper.folder("sweep")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let outcome = try cli.sclab(
            "sweep",
            "--vary",
            "sources.cctv_cameras.coverage=0.1,0.4",
            "--population",
            "1200",
            "--years",
            "1",
            "--start",
            "2015-01-01",
            "--seeds",
            "2",
            "--out",
            out,
            "--no-counterfactual"
        )
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let csv = try String(contentsOfFile: out + "/sweep.csv", encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 4)
        #expect(rows[0].hasPrefix("run,variant,seed,directory,sources.cctv_cameras.coverage,records,"))
        // More camera coverage, more records, in each society.
        let records = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[5] }.compactMap
        { Double($0) }
        #expect(records.count == 4 && records[2] > records[0] && records[3] > records[1])
        let html = try String(contentsOfFile: out + "/sweep.html", encoding: .utf8)
        #expect(html.contains("Records made against sources.cctv_cameras.coverage"))
        #expect(FileManager.default.fileExists(atPath: out + "/runs/v001-s2/run.sqlite"))
        let bad = try cli.sclab("sweep", "--vary", "sources.cctv.coverage=0.1,0.2", "--out", helper.folder("bad"))
        #expect(bad.status != 0 && bad.stderr.contains("no item 'cctv' in the list sources"))
    }
}
