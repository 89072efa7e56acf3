import Society
import TestSupport
import Testing

@testable import Cluster

@Suite("Cluster: the cluster check's known answers")
struct ClusterCheckTests {
    @Test("Every check passes alone and on 2, 3 and 4 shards in one process")
    func passes() {
        let alone = ClusterCheck.run(SingleShard(), broadcastBytes: 1000)
        #expect(alone.count == 6 && alone.filter { !$0.passed }.isEmpty)
        for count in 2...4 {
            let outcomes = LocalShards.run(count) { ClusterCheck.run($0, broadcastBytes: 1000) }
            #expect(outcomes.count == count)
            for (rank, checks) in outcomes.enumerated() {
                #expect(checks.count == 6)
                let failed = checks.filter { !$0.passed }
                #expect(failed.isEmpty, "rank \(rank): \(failed)")
            }
        }
    }

    @Test("A wrong answer is reported with where it differs")
    func failure() {
        let outcome = ClusterCheck.compare("gather", [[1, 2, 3]], [[1, 2, 4]], unit: "bytes")
        #expect(!outcome.passed)
        #expect(outcome.detail == "array 0: 3 bytes, expected 3; first difference at 2")
        #expect(!ClusterCheck.compare("gather", [[UInt8]](), [[1]], unit: "bytes").passed)
    }
}
