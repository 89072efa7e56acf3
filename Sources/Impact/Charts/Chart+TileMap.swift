import Foundation
import SocialCredit

extension Chart {
    /// Classes of a sequential scale (ColorBrewer's 5-class OrRd, light for low values, dark for
    /// high; readable in grey and with the common colour-vision deficiencies), and the fill of a
    /// province with no value (no people in the run).
    static let sequential = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]
    static let noValue = "#d9d9d9"

    /// A colour scale over a map's values: classes of equal width between round ticks from 0
    /// (or below, for negative values) to the highest value, each class a colour of `sequential`
    /// spread from the lightest to the darkest.
    struct ClassScale: Equatable {
        /// The class edges (`ticks.values`): class i holds values in [edge i, edge i+1), the last
        /// class also its upper edge.
        var ticks: Ticks

        /// A scale covering the finite values.
        init(_ values: [Double]) {
            ticks = Ticks(minimum: min(0, values.min() ?? 0), maximum: values.max() ?? 0)
        }

        /// How many classes.
        var classes: Int { ticks.values.count - 1 }

        /// The class of a value (values beyond the ends fall in the end classes). A value on an
        /// edge opens the class above it, also when its division by the step falls a rounding
        /// error short (0.6 / 0.2 = 2.9999999999999996).
        func index(_ value: Double) -> Int {
            min(classes - 1, max(0, Int(((value - ticks.lower) / ticks.step + 1e-9).rounded(.down))))
        }

        /// The palette colour of class i: the colours spread evenly over the classes, the first
        /// class the lightest and the last the darkest.
        func paletteIndex(_ i: Int) -> Int {
            let last = Chart.sequential.count - 1
            return classes > 1 ? Int((Double(i * last) / Double(classes - 1)).rounded()) : last
        }

        /// The fill of class i.
        func colour(_ i: Int) -> String { Chart.sequential[paletteIndex(i)] }

        /// Whether text on class i must be white (the two darkest colours).
        func dark(_ i: Int) -> Bool { paletteIndex(i) >= 3 }
    }

    /// Small multiples: one tile-grid map of China's 31 provinces per series (`ChinaTile`, one
    /// square each in its rough place), three to a row. Categories name provinces (as
    /// `Province.name`); a square is coloured by its value's class on that map's own scale, with
    /// its abbreviation, and a `<title>` tooltip giving the province and value. Provinces without
    /// a value are grey. Under each map, its legend: the classes' colours with their edges.
    func tileMapSVG() -> String {
        let side = 28.0
        let gap = 3.0
        let pitch = side + gap
        let mapWidth = Double(ChinaTile.columns) * pitch - gap
        let mapHeight = Double(ChinaTile.rows) * pitch - gap
        let width = 720.0
        let spacing = 24.0
        let top = 8.0
        let titleHeight = 20.0
        let legendHeight = 46.0
        let perRow = max(1, min(series.count, 3))
        let blockHeight = titleHeight + mapHeight + legendHeight
        let mapRows = (series.count + perRow - 1) / perRow
        let left = (width - Double(perRow) * mapWidth - Double(perRow - 1) * spacing) / 2
        var out = svgHead(width: width, height: top + Double(mapRows) * blockHeight)
        let indexOf = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (k, s) in series.enumerated() {
            let x0 = left + Double(k % perRow) * (mapWidth + spacing)
            let y0 = top + Double(k / perRow) * blockHeight
            func value(_ tile: ChinaTile) -> Double? {
                guard let i = indexOf[tile.province.name], i < s.values.count, let v = s.values[i], v.isFinite else {
                    return nil
                }
                return v
            }
            let values = ChinaTile.all.map(value)
            let scale = ClassScale(values.compactMap { $0 })
            out +=
                "<g class=\"tile-map\"><text x=\"\(Markup.n(x0 + mapWidth / 2))\" y=\"\(Markup.n(y0 + 13))\" "
                + "text-anchor=\"middle\" font-weight=\"600\" fill=\"#1a1a1a\">\(Markup.escape(s.name))</text>\n"
            for (tile, v) in zip(ChinaTile.all, values) {
                let tx = x0 + Double(tile.column) * pitch
                let ty = y0 + titleHeight + Double(tile.row) * pitch
                let cls: Int? = v.map(scale.index)
                let fill: String = cls.map(scale.colour) ?? Self.noValue
                let ink: String = cls.map(scale.dark) == true ? "#fff" : "#1a1a1a"
                let shown: String = v.map { format.full($0) } ?? "no people"
                let tip = "\(tile.province.name) (\(tile.abbreviation)), \(s.name): \(shown)"
                out += "<g class=\"tile\"><title>\(Markup.escape(tip))</title>"
                out +=
                    "<rect x=\"\(Markup.n(tx))\" y=\"\(Markup.n(ty))\" width=\"\(Markup.n(side))\" height=\"\(Markup.n(side))\" rx=\"2\" "
                out += "fill=\"\(fill)\" stroke=\"#fff\"/>"
                out +=
                    "<text x=\"\(Markup.n(tx + side / 2))\" y=\"\(Markup.n(ty + side / 2 + 3.5))\" text-anchor=\"middle\" font-size=\"10\" "
                out += "fill=\"\(ink)\">\(tile.abbreviation)</text></g>\n"
            }
            out += classLegend(scale, x: x0, y: y0 + titleHeight + mapHeight + 12)
            if values.contains(where: { $0 == nil }) {
                // In the grid's empty south-west corner.
                let mx = x0
                let my = y0 + titleHeight + Double(ChinaTile.rows - 1) * pitch + side / 2 - 5
                out +=
                    "<g class=\"legend\" font-size=\"10\" fill=\"#333\"><rect x=\"\(Markup.n(mx))\" y=\"\(Markup.n(my))\" width=\"10\" "
                    + "height=\"10\" fill=\"\(Self.noValue)\"/><text x=\"\(Markup.n(mx + 14))\" y=\"\(Markup.n(my + 9))\">no people</text></g>\n"
            }
            out += "</g>\n"
        }
        return out + "</svg>"
    }

    /// A map's legend: one swatch per class side by side, the class edges written under the joins.
    func classLegend(_ scale: ClassScale, x: Double, y: Double) -> String {
        let swatch = 36.0
        let height = 10.0
        var out = "<g class=\"legend\" font-size=\"10\" fill=\"#333\">"
        for i in 0..<scale.classes {
            out +=
                "<rect x=\"\(Markup.n(x + Double(i) * swatch))\" y=\"\(Markup.n(y))\" width=\"\(Markup.n(swatch))\" "
                + "height=\"\(Markup.n(height))\" fill=\"\(scale.colour(i))\"/>"
        }
        for (i, edge) in scale.ticks.values.enumerated() {
            out +=
                "<text x=\"\(Markup.n(x + Double(i) * swatch))\" y=\"\(Markup.n(y + height + 12))\" text-anchor=\"middle\">"
                + "\(Markup.escape(format.label(edge, step: scale.ticks.step)))</text>"
        }
        return out + "</g>\n"
    }
}
