import Foundation
import RunRecords
import Simulation
import SocialCredit

/// A chart as data: what the report, the markdown and JSON forms and the web app draw
/// or tabulate. `svg()` draws it as inline SVG with no scripts or fonts of its own.
public struct Chart: Sendable, Codable, Equatable {
    /// A line over ordered categories (months), horizontal bars per category (groups), points
    /// over a numeric axis (`x`: outcomes against a swept parameter), or tile-grid maps of the
    /// provinces (categories are province names; one small map per series).
    public enum Kind: String, Sendable, Codable {
        case line, bar, scatter, tileMap
    }

    /// How values read: counts, shares shown as percentages, ratios, or scores.
    public enum Format: String, Sendable, Codable {
        case count, share, ratio, score
    }

    /// One named series of values, one per category (nil where there is no value).
    public struct Series: Sendable, Codable, Equatable {
        /// Legend name.
        public var name: String
        /// Values in category order.
        public var values: [Double?]
        /// Drawn dashed (a counterfactual, a reference).
        public var dashed: Bool
        /// For a scatter chart: the spread around each value (e.g. the lowest and highest over
        /// seeds), drawn as a whisker; a series with a spread is also joined by a line.
        public var lower: [Double?]?
        public var upper: [Double?]?

        /// A series from its parts.
        public init(
            name: String,
            values: [Double?],
            dashed: Bool = false,
            lower: [Double?]? = nil,
            upper: [Double?]? = nil
        ) {
            self.name = name
            self.values = values
            self.dashed = dashed
            self.lower = lower
            self.upper = upper
        }
    }

    /// Unique within a report (the SVG ids and anchors derive from it).
    public var id: String
    /// Line or bars.
    public var kind: Kind
    /// Title, shown above the chart and as the SVG's `<title>` for screen readers.
    public var title: String
    /// One or two sentences saying what the chart shows, as the SVG's `<desc>`.
    public var summary: String
    /// The categories: months ("2014-01") for lines, group names for bars, province names
    /// (`Province.name`) for tile maps.
    public var categories: [String]
    /// The series.
    public var series: [Series]
    /// Axis titles: the categories' and the values'.
    public var categoryLabel: String
    public var valueLabel: String
    /// How values are written on the value axis.
    public var format: Format
    /// For a scatter chart: each category's position on the numeric horizontal axis.
    public var x: [Double]?

    /// A chart from its parts.
    public init(
        id: String,
        kind: Kind,
        title: String,
        summary: String,
        categories: [String],
        series: [Series],
        categoryLabel: String,
        valueLabel: String,
        format: Format,
        x: [Double]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.categories = categories
        self.series = series
        self.categoryLabel = categoryLabel
        self.valueLabel = valueLabel
        self.format = format
        self.x = x
    }

    /// Whether there is anything to draw: at least one finite value.
    public var hasData: Bool {
        series.contains { $0.values.contains { $0.map(\.isFinite) ?? false } }
    }

    /// The palette (Okabe and Ito's, distinguishable with the common colour-vision deficiencies),
    /// cycled; series past the palette are drawn dashed.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
}
