import Foundation
import RunRecords
import Simulation
import SocialCredit

extension Report {
    /// The report as JSON: the same sections, tables and chart data, for other programs.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
