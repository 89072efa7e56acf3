import Foundation
import RunRecords
import Simulation
import SocialCredit

extension Chart {
    /// Horizontal bars, one row per category (long group names stay readable), one bar per
    /// series within a row, the value written at each bar's end, the value axis from 0 below.
    func barSVG() -> String {
        let width = 720.0
        let labelWidth = 150.0
        let right = 70.0
        let top = 12.0
        let (legendSVG, legendHeight) = legend(x: labelWidth, y: top + 6, width: width - labelWidth - right)
        let plotTop = top + (legendHeight > 0 ? legendHeight + 8 : 0)
        let barHeight = 14.0
        let gap = 8.0
        let rowHeight = Double(series.count) * barHeight + gap
        let plotHeight = Double(categories.count) * rowHeight
        let plotWidth = width - labelWidth - right
        let values = finiteValues
        let ticks = Ticks(minimum: min(0, values.min() ?? 0), maximum: values.max() ?? 1)
        let bottom = plotTop + plotHeight
        let height = bottom + 52
        func x(_ v: Double) -> Double { labelWidth + ticks.position(v) * plotWidth }
        var out = svgHead(width: width, height: height)
        out += legendSVG
        out += "<g class=\"axis value-axis\" fill=\"#333\">\n"
        for value in ticks.values {
            let tx = x(value)
            out +=
                "<line x1=\"\(Markup.n(tx))\" y1=\"\(Markup.n(plotTop))\" x2=\"\(Markup.n(tx))\" y2=\"\(Markup.n(bottom + 5))\" stroke=\"#ddd\"/>"
            out +=
                "<text x=\"\(Markup.n(tx))\" y=\"\(Markup.n(bottom + 19))\" text-anchor=\"middle\">"
                + "\(Markup.escape(format.label(value, step: ticks.step)))</text>\n"
        }
        out +=
            "<text x=\"\(Markup.n(labelWidth + plotWidth / 2))\" y=\"\(Markup.n(bottom + 42))\" text-anchor=\"middle\">"
            + "\(Markup.escape(valueLabel))</text>\n</g>\n"
        out += "<g class=\"axis category-axis\" fill=\"#333\">\n"
        out +=
            "<line x1=\"\(Markup.n(x(0)))\" y1=\"\(Markup.n(plotTop))\" x2=\"\(Markup.n(x(0)))\" y2=\"\(Markup.n(bottom))\" stroke=\"#333\"/>\n"
        for (i, category) in categories.enumerated() {
            let label = category.count > 22 ? String(category.prefix(21)) + "…" : category
            let cy = plotTop + Double(i) * rowHeight + rowHeight / 2
            out +=
                "<text x=\"\(Markup.n(labelWidth - 8))\" y=\"\(Markup.n(cy + 4))\" text-anchor=\"end\">\(Markup.escape(label))</text>\n"
        }
        out += "</g>\n"
        for (k, s) in series.enumerated() {
            let (colour, _) = style(k)
            out += "<g class=\"series\" fill=\"\(colour)\"><title>\(Markup.escape(s.name))</title>\n"
            for (i, value) in s.values.enumerated() {
                guard let value, value.isFinite else { continue }
                let by = plotTop + Double(i) * rowHeight + gap / 2 + Double(k) * barHeight
                let x0 = x(min(0, value))
                let x1 = x(max(0, value))
                out +=
                    "<rect x=\"\(Markup.n(x0))\" y=\"\(Markup.n(by))\" width=\"\(Markup.n(max(x1 - x0, 0.5)))\" "
                    + "height=\"\(Markup.n(barHeight - 2))\"><title>\(Markup.escape("\(categories[i]), \(s.name): \(format.full(value))"))</title></rect>"
                out +=
                    "<text x=\"\(Markup.n(x1 + 4))\" y=\"\(Markup.n(by + barHeight - 4))\" fill=\"#333\" font-size=\"11\">"
                    + "\(Markup.escape(format.full(value)))</text>\n"
            }
            out += "</g>\n"
        }
        return out + "</svg>"
    }
}
