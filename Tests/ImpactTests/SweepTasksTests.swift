import Testing

@testable import Impact

@Suite("A sweep's runs shared among the ranks of a cluster")
struct SweepTasksTests {
    @Test("Runs are variant by variant, each with every seed, in their folders")
    func order() {
        let tasks = SweepTasks(variants: 2, seeds: [1, 2, 3])
        #expect(tasks.all.map(\.variant) == [0, 0, 0, 1, 1, 1])
        #expect(tasks.all.map(\.seed) == [1, 2, 3, 1, 2, 3])
        #expect(tasks.all[4].directory == "runs/v001-s2")
    }

    @Test("Run i goes to rank i mod K: every run once, shares within one run of each other")
    func assignment() {
        let tasks = SweepTasks(variants: 3, seeds: [1, 2])
        #expect(tasks.assigned(to: 0, of: 1) == Array(0..<6))
        #expect(tasks.assigned(to: 0, of: 4) == [0, 4])
        #expect(tasks.assigned(to: 1, of: 4) == [1, 5])
        #expect(tasks.assigned(to: 3, of: 4) == [3])
        #expect(tasks.assigned(to: 7, of: 8) == [])
        for ranks in 1...9 {
            let shares = (0..<ranks).map { tasks.assigned(to: $0, of: ranks) }
            #expect(shares.flatMap { $0 }.sorted() == Array(tasks.all.indices))
            #expect((shares.map(\.count).max() ?? 0) - (shares.map(\.count).min() ?? 0) <= 1)
        }
    }
}
