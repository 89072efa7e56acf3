import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Impact

/// A small real run of the seed scenario stored, read back and reported on.
enum SmallRun {
    static let period = Period(start: Day(iso: "2015-01-01")!, end: Day(iso: "2016-12-31")!)
    static let size = 3_000

    /// The seed scenario on 3,000 people for two years (long enough that some are put on the
    /// court's list: about one in 400 a year), one in `traceEvery` traced, stored in a fresh
    /// folder by `StoredRun` with everything `sclab simulate` stores (listings, traced standings,
    /// group tallies, the counterfactual, the report files).
    static func make(size: Int = size, period: Period = period, traceEvery: Int = 50) throws -> StoredRun.Made {
        try StoredRun.seedArticle(size: size, period: period, traceEvery: traceEvery)
    }
}

struct EndToEndTests {
    @Test("Group tallies count everyone once per dimension and agree with the stored snapshots")
    func tallies() throws {
        let folder = try SmallRun.make().folder
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try RunData.load(directory: folder)
        let all = try #require(data.groups("all").first)
        #expect(all.people == SmallRun.size)
        for dimension in ["income_quintile", "residence", "sex", "age_group", "province"] {
            let groups = data.groups(dimension)
            #expect(groups.reduce(0) { $0 + $1.people } == all.people, "\(dimension) does not add up")
            #expect(groups.reduce(0) { $0 + $1.sanctioned } == all.sanctioned)
            #expect(groups.reduce(0) { $0 + $1.records } == all.records)
        }
        // Everyone ever listed has a snapshot: the black-listed count matches the snapshots'.
        let snapshots = try RunStore.open(directory: folder).snapshots().filter { $0.subjectKind == .people }
        let blackLists = Set(data.scenario.lists.filter { $0.kind == .black }.map(\.id))
        let everBlack = snapshots.filter {
            !Set($0.everListed.split(separator: ",").map(String.init)).isDisjoint(with: blackLists)
        }
        #expect(everBlack.count == all.everBlacklisted)
        #expect(all.everBlacklisted > 0 && all.records > 0 && all.rewarded > 0)
        // The counterfactual is stored beside the real series.
        #expect(data.sum("counterfactual.behavior.jaywalking") > 0)
    }
}
