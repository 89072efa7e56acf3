import Foundation

extension Chart {
    /// Points over a numeric horizontal axis (`x`, ticked at round values): each series drawn as
    /// markers; a series with a spread (`lower`, `upper`) also gets a whisker at each point and a
    /// line joining its points in x order, so a mean over seeds reads as a line with its range.
    func scatterSVG() -> String {
        let width = 720.0
        let left = 72.0
        let right = 24.0
        let top = 16.0
        let plotHeight = 220.0
        let plotWidth = width - left - right
        let xs = x ?? categories.indices.map(Double.init)
        let ticks = valueTicks(finiteValues)
        let low = xs.min() ?? 0
        let high = xs.max() ?? 1
        let pad = high > low ? (high - low) * 0.05 : max(abs(low) * 0.1, 1)
        let xTicks = Ticks(minimum: low - pad, maximum: high + pad)
        let bottom = top + plotHeight
        let (legendSVG, legendHeight) = legend(x: left, y: bottom + 62, width: plotWidth)
        let height = bottom + 56 + (legendHeight > 0 ? legendHeight + 8 : 0)
        func px(_ v: Double) -> Double { left + xTicks.position(v) * plotWidth }
        func py(_ v: Double) -> Double { bottom - ticks.position(v) * plotHeight }
        var out = svgHead(width: width, height: height)
        out += valueAxis(ticks, left: left, right: width - right, top: top, plotHeight: plotHeight)
        out += "<g class=\"axis category-axis\" fill=\"#333\">\n"
        out +=
            "<line x1=\"\(Markup.n(left))\" y1=\"\(Markup.n(bottom))\" x2=\"\(Markup.n(width - right))\" y2=\"\(Markup.n(bottom))\" stroke=\"#333\"/>\n"
        for value in xTicks.values {
            out +=
                "<line x1=\"\(Markup.n(px(value)))\" y1=\"\(Markup.n(bottom))\" x2=\"\(Markup.n(px(value)))\" y2=\"\(Markup.n(bottom + 5))\" stroke=\"#333\"/>"
            out +=
                "<text x=\"\(Markup.n(px(value)))\" y=\"\(Markup.n(bottom + 19))\" text-anchor=\"middle\">"
                + "\(Markup.escape(Format.count.label(value, step: xTicks.step)))</text>\n"
        }
        out +=
            "<text x=\"\(Markup.n(left + plotWidth / 2))\" y=\"\(Markup.n(bottom + 42))\" text-anchor=\"middle\">"
            + "\(Markup.escape(categoryLabel))</text>\n</g>\n"
        let order = xs.indices.sorted { xs[$0] < xs[$1] }
        for (k, s) in series.enumerated() {
            let (colour, dash) = style(k)
            out += "<g class=\"series\"><title>\(Markup.escape(s.name))</title>"
            if let lower = s.lower, let upper = s.upper {
                var path = ""
                var pen = false
                for i in order where i < s.values.count {
                    guard let value = s.values[i], value.isFinite else {
                        pen = false
                        continue
                    }
                    path += "\(pen ? "L" : "M")\(Markup.n(px(xs[i]))) \(Markup.n(py(value)))"
                    pen = true
                }
                out +=
                    "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
                for i in xs.indices where i < lower.count && i < upper.count {
                    guard let a = lower[i], let b = upper[i], a.isFinite, b.isFinite else { continue }
                    let cx = px(xs[i])
                    out +=
                        "<path d=\"M\(Markup.n(cx)) \(Markup.n(py(a)))L\(Markup.n(cx)) \(Markup.n(py(b)))"
                        + "M\(Markup.n(cx - 5)) \(Markup.n(py(a)))L\(Markup.n(cx + 5)) \(Markup.n(py(a)))"
                        + "M\(Markup.n(cx - 5)) \(Markup.n(py(b)))L\(Markup.n(cx + 5)) \(Markup.n(py(b)))\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
                }
            }
            for (i, value) in s.values.enumerated() where i < xs.count {
                guard let value, value.isFinite else { continue }
                out +=
                    "<circle cx=\"\(Markup.n(px(xs[i])))\" cy=\"\(Markup.n(py(value)))\" r=\"\(s.lower == nil ? 3 : 4.5)\" fill=\"\(colour)\""
                    + "\(s.lower == nil ? " fill-opacity=\"0.7\"" : "")/>"
            }
            out += "</g>\n"
        }
        out += legendSVG
        return out + "</svg>"
    }
}
