import Foundation
import RunRecords
import SocialCredit
import Society

/// Runs a scenario in memory for `sclab calibrate` and collects what its targets read: every
/// monthly metric, and the society's constants. Nothing is written to disk.
public enum CalibrationRun {
    /// The census day of the 2020 census the society is drawn from: ages for `population.adults`.
    public static let censusDay = Day(year: 2020, month: 11, day: 1)!

    /// Constants of a society: `population.people`, `population.adults` (aged 18 or over on the
    /// census day) and `population.companies`.
    public static func constants(of population: Population) -> [String: Double] {
        let day = censusDay.number
        var adults = 0
        for birth in population.birthDay where (day - birth) * 4 / 1461 >= 18 { adults += 1 }
        return [
            "population.people": Double(population.count), "population.adults": Double(adults),
            "population.companies": Double(population.companies.count),
        ]
    }

    /// Simulates the period and returns every monthly metric with the society's constants.
    public static func series(
        policy: Policy,
        population: Population,
        census: Census,
        period: Period,
        seed: UInt64,
        threads: Int,
        progress: ((Int) -> Void)? = nil
    ) -> MetricSeries {
        var simulation = Simulation(
            policy: policy,
            population: population,
            census: census,
            config: SimulationConfig(
                period: period,
                seed: seed,
                threads: threads,
                traceEvery: Int(Int32.max)
            )
        )
        var collector = SeriesCollector(series: MetricSeries(constants: constants(of: population)))
        simulation.run(observer: &collector, progress: progress)
        return collector.series
    }
}

/// Adds each month's metrics to a series.
private struct SeriesCollector: SimulationObserver {
    var series: MetricSeries

    mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
        for point in metrics {
            guard let month = MetricExpression.Month(point.period) else { continue }
            series.add(point.name, month: month, value: point.value)
        }
    }
}
