import Foundation
import RunRecords
import Simulation
import SocialCredit

extension Chart {
    /// A line chart over ordered categories (months): value axis with round ticks and grid
    /// lines, category ticks at each year's January (or spread evenly), one line per series,
    /// gaps where a value is missing, points marked when there are few categories.
    func lineSVG() -> String {
        let width = 720.0
        let left = 72.0
        let right = 16.0
        let top = 16.0
        let plotHeight = 220.0
        let plotWidth = width - left - right
        let values = finiteValues
        let ticks = valueTicks(values)
        let bottom = top + plotHeight
        let (legendSVG, legendHeight) = legend(x: left, y: bottom + 62, width: plotWidth)
        let height = bottom + 56 + (legendHeight > 0 ? legendHeight + 8 : 0)
        var out = svgHead(width: width, height: height)
        func y(_ v: Double) -> Double { bottom - ticks.position(v) * plotHeight }
        let n = categories.count
        func x(_ i: Int) -> Double { n <= 1 ? left + plotWidth / 2 : left + Double(i) / Double(n - 1) * plotWidth }
        out += valueAxis(ticks, left: left, right: width - right, top: top, plotHeight: plotHeight)
        // Category axis.
        out += "<g class=\"axis category-axis\" fill=\"#333\">\n"
        out +=
            "<line x1=\"\(Markup.n(left))\" y1=\"\(Markup.n(bottom))\" x2=\"\(Markup.n(width - right))\" y2=\"\(Markup.n(bottom))\" stroke=\"#333\"/>\n"
        for (i, label) in categoryTicks() {
            out +=
                "<line x1=\"\(Markup.n(x(i)))\" y1=\"\(Markup.n(bottom))\" x2=\"\(Markup.n(x(i)))\" y2=\"\(Markup.n(bottom + 5))\" stroke=\"#333\"/>"
            out +=
                "<text x=\"\(Markup.n(x(i)))\" y=\"\(Markup.n(bottom + 19))\" text-anchor=\"middle\">\(Markup.escape(label))</text>\n"
        }
        out +=
            "<text x=\"\(Markup.n(left + plotWidth / 2))\" y=\"\(Markup.n(bottom + 42))\" text-anchor=\"middle\">"
            + "\(Markup.escape(categoryLabel))</text>\n</g>\n"
        // Series.
        for (k, s) in series.enumerated() {
            let (colour, dash) = style(k)
            var path = ""
            var pen = false
            for (i, value) in s.values.enumerated() {
                guard let value, value.isFinite else {
                    pen = false
                    continue
                }
                path += "\(pen ? "L" : "M")\(Markup.n(x(i))) \(Markup.n(y(value)))"
                pen = true
            }
            out += "<g class=\"series\"><title>\(Markup.escape(s.name))</title>"
            out +=
                "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\""
                + "\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            if n <= 3 {
                for (i, value) in s.values.enumerated() where value?.isFinite == true {
                    out += "<circle cx=\"\(Markup.n(x(i)))\" cy=\"\(Markup.n(y(value!)))\" r=\"4\" fill=\"\(colour)\"/>"
                }
            }
            out += "</g>\n"
        }
        out += legendSVG
        return out + "</svg>"
    }

    /// The vertical value axis: grid lines across the plot, round tick labels, the axis title.
    func valueAxis(_ ticks: Ticks, left: Double, right: Double, top: Double, plotHeight: Double) -> String {
        let bottom = top + plotHeight
        func y(_ v: Double) -> Double { bottom - ticks.position(v) * plotHeight }
        var out = "<g class=\"axis value-axis\" fill=\"#333\">\n"
        for value in ticks.values {
            let ty = y(value)
            out +=
                "<line x1=\"\(Markup.n(left))\" y1=\"\(Markup.n(ty))\" x2=\"\(Markup.n(right))\" y2=\"\(Markup.n(ty))\" stroke=\"#ddd\"/>"
            out +=
                "<text x=\"\(Markup.n(left - 6))\" y=\"\(Markup.n(ty + 4))\" text-anchor=\"end\">"
                + "\(Markup.escape(format.label(value, step: ticks.step)))</text>\n"
        }
        out +=
            "<text transform=\"translate(14 \(Markup.n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">"
            + "\(Markup.escape(valueLabel))</text>\n</g>\n"
        return out
    }

    /// Which categories get a tick and what it says: January of each year (every second or
    /// fifth year on long spans) when the categories are months, else about eight spread evenly.
    func categoryTicks() -> [(Int, String)] {
        let januaries = categories.enumerated().filter { $0.element.count == 7 && $0.element.hasSuffix("-01") }
        if januaries.count >= 2 {
            let every = januaries.count > 24 ? 5 : januaries.count > 12 ? 2 : 1
            return januaries.enumerated().filter { $0.offset % every == 0 }.map {
                ($0.element.offset, String($0.element.element.prefix(4)))
            }
        }
        guard !categories.isEmpty else { return [] }
        let every = max(1, (categories.count + 7) / 8)
        return categories.indices.filter { $0 % every == 0 || $0 == categories.count - 1 }.map { ($0, categories[$0]) }
    }
}
