import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// A report on one run as data: sections of paragraphs, tables and charts. The HTML, markdown
/// and JSON forms are renderings of this one value, so they always say the same thing.
public struct Report: Sendable, Codable, Equatable {
    /// Title and one line under it.
    public var title: String
    public var subtitle: String
    /// The sections, in reading order.
    public var sections: [Section]

    /// A report from its parts.
    public init(title: String, subtitle: String, sections: [Section]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// Every chart of the report, in order.
    public var charts: [Chart] {
        sections.flatMap { $0.blocks.compactMap { if case let .chart(chart) = $0 { chart } else { nil } } }
    }
}

/// One section of a report.
public struct Section: Sendable, Codable, Equatable {
    /// Anchor id and heading.
    public var id: String
    public var title: String
    /// The content.
    public var blocks: [Block]

    /// A section from its parts.
    public init(id: String, title: String, blocks: [Block]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum Block: Sendable, Codable, Equatable {
    /// A paragraph of plain text.
    case paragraph(String)
    /// A table.
    case table(Table)
    /// A chart.
    case chart(Chart)
    /// Preformatted text (a command line, a digest).
    case code(String)
    /// A bulleted list of short statements (the key findings, one sentence each).
    case list([String])
}

/// A table of text cells; numeric columns are right-aligned.
public struct Table: Sendable, Codable, Equatable {
    /// Caption above the table.
    public var caption: String
    /// Column headings.
    public var columns: [String]
    /// Rows of cells, each as many as the columns.
    public var rows: [[String]]
    /// Which columns hold numbers.
    public var numeric: [Bool]

    /// A table; `numeric` defaults to "every column but the first".
    public init(caption: String, columns: [String], rows: [[String]], numeric: [Bool]? = nil) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.numeric = numeric ?? columns.indices.map { $0 > 0 }
    }
}

/// Number formats shared by the report's sections.
enum Format {
    static func count(_ value: Double?) -> String { Chart.Format.count.full(value) }
    static func count(_ value: Int) -> String { SocialCredit.grouped(value) }
    static func percent(_ value: Double?) -> String { Chart.Format.share.full(value) }
    static func ratio(_ value: Double?) -> String { Chart.Format.ratio.full(value) }
    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + count(value) }
    static func signedPercent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return (value > 0 ? "+" : "") + percent(value)
    }
}
