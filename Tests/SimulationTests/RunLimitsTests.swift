import RunRecords
import Simulation
import SocialCredit
import Testing

/// The bounds of a run, and the memory estimate checked before a society is generated.
struct RunLimitsTests {
    @Test(
        "MemAvailable is read from /proc/meminfo's text, in bytes; anything else is unknown",
        arguments: [
            (
                "MemTotal:       24546964 kB\nMemFree:         1009172 kB\nMemAvailable:   23836892 kB\n",
                23_836_892 * 1024
            ),
            ("MemTotal:       24546964 kB\n", nil),
            ("MemAvailable:   garbage kB\n", nil),
            ("MemAvailable:   99999999999999999999 kB\n", nil),
        ] as [(String, Int?)]
    )
    func memAvailable(text: String, bytes: Int?) {
        #expect(RunLimits.memAvailable(in: text) == bytes)
    }

    @Test("The memory a run needs: 64 MiB, 240 bytes a person for the run and 300 for each other run at once")
    func memoryNeeded() {
        #expect(RunLimits.memoryNeeded(population: 1_000_000, runsAtOnce: 1) == 67_108_864 + 240_000_000)
        // 100 million people fit a 24 GB machine (about 20 GB measured by bench, 24 GB estimated).
        #expect(RunLimits.memoryNeeded(population: 100_000_000, runsAtOnce: 1) == 67_108_864 + 24_000_000_000)
        #expect(RunLimits.memoryNeeded(population: 200_000_000, runsAtOnce: 3) == 168_067_108_864)
        // Beyond the population bound the estimate stays finite (it is checked after the bound).
        #expect(RunLimits.memoryNeeded(population: .max, runsAtOnce: 3) == 168_067_108_864)
    }

    @Test(
        "A period is refused outside 1900-2199, out of order or over 32,000 days",
        arguments: [
            ("1900-01-01", "2199-12-31", "the run would last 109573 days; a run covers at most 32000 (about 87 years)"),
            ("1899-12-31", "1900-01-31", "the run's first day 1899-12-31 is outside 1900-01-01 to 2199-12-31"),
            ("2199-12-01", "2200-01-31", "the run's last day 2200-01-31 is outside 1900-01-01 to 2199-12-31"),
            ("2020-01-02", "2020-01-01", "the start 2020-01-02 is after the end 2020-01-01"),
            ("2014-01-01", "2020-12-31", nil),
        ] as [(String, String, String?)]
    )
    func period(first: String, last: String, problem: String?) throws {
        let start = try #require(Day(iso: first))
        let end = try #require(Day(iso: last))
        #expect(RunLimits.periodProblem(first: start, last: end) == problem)
    }
}
