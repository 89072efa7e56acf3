import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// Writing a run's report next to its database (the edge where reports meet the file system).
public enum ReportFiles {
    /// The report's file name in a run folder.
    public static let htmlName = "report.html"

    /// Builds the report of the run in `store` and writes `DIR/report.html` (replacing an older
    /// one atomically); returns its path.
    @discardableResult
    public static func write(store: RunStore) throws -> String {
        let report = Report(try RunData.load(store: store))
        let path = (store.directory as NSString).appendingPathComponent(htmlName)
        do {
            try Data(report.html().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ImpactError("\(path): cannot write the report: \(plainReason(of: error))")
        }
        return path
    }
}
