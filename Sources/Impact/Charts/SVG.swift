import Foundation
import RunRecords
import Simulation
import SocialCredit

/// Small helpers for writing SVG and HTML text.
public enum Markup {
    /// Text escaped for element content and attribute values (the web app's pages use it too).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A coordinate with one decimal at most, so the SVG stays short and byte-stable.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// An id usable in SVG and HTML: letters, digits and dashes.
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// Approximate width of text at a font size (sans-serif averages about 0.58 em per character),
    /// for laying out legends and labels without measuring fonts.
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.58 }
}

extension Chart {
    /// The chart as one inline `<svg>` element: a `<title>` and `<desc>` for screen readers,
    /// axes with ticks and labels, the series, and a legend when there is more than one series.
    /// Sizes are in a fixed view box; the element scales to its container's width.
    public func svg() -> String {
        switch kind {
        case .line: lineSVG()
        case .bar: barSVG()
        case .scatter: scatterSVG()
        case .tileMap: tileMapSVG()
        }
    }

    /// The opening of the SVG with its accessible title and description.
    func svgHead(width: Double, height: Double) -> String {
        let slug = Markup.slug(id)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Markup.n(width)) \(Markup.n(height))" \
            role="img" aria-labelledby="\(slug)-title \(slug)-desc" font-family="sans-serif" font-size="12">
            <title id="\(slug)-title">\(Markup.escape(title))</title>
            <desc id="\(slug)-desc">\(Markup.escape(summary))</desc>

            """
    }

    /// Colour and dash pattern of series k.
    func style(_ k: Int) -> (colour: String, dash: String?) {
        let colour = Self.palette[k % Self.palette.count]
        let dashed = series[k].dashed || k >= Self.palette.count
        return (colour, dashed ? "6 4" : nil)
    }

    /// A legend laid out in rows from (x, y) within `width`; returns the SVG and its height.
    func legend(x: Double, y: Double, width: Double) -> (svg: String, height: Double) {
        guard series.count > 1 else { return ("", 0) }
        var out = "<g class=\"legend\">\n"
        var cx = x
        var cy = y
        for (k, s) in series.enumerated() {
            let itemWidth = 28 + Markup.textWidth(s.name, size: 12) + 18
            if cx + itemWidth > x + width && cx > x {
                cx = x
                cy += 18
            }
            let (colour, dash) = style(k)
            if kind == .scatter && s.lower == nil {
                // Markers only: the legend shows a marker.
                out += "<circle cx=\"\(Markup.n(cx + 11))\" cy=\"\(Markup.n(cy))\" r=\"4\" fill=\"\(colour)\"/>"
            } else {
                out +=
                    "<line x1=\"\(Markup.n(cx))\" y1=\"\(Markup.n(cy))\" x2=\"\(Markup.n(cx + 22))\" y2=\"\(Markup.n(cy))\" "
                    + "stroke=\"\(colour)\" stroke-width=\"3\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            }
            out += "<text x=\"\(Markup.n(cx + 28))\" y=\"\(Markup.n(cy + 4))\">\(Markup.escape(s.name))</text>\n"
            cx += itemWidth
        }
        return (out + "</g>\n", cy - y + 18)
    }

    /// The value axis: from 0 for counts, shares and ratios (so heights compare), from near the
    /// data for scores (a mean score of 999 on an axis from 0 would show no movement).
    func valueTicks(_ values: [Double]) -> Ticks {
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        if format == .score && low > 0 {
            let pad = max((high - low) * 0.1, 1)
            return Ticks(minimum: low - pad, maximum: high + pad)
        }
        return Ticks(minimum: min(0, low), maximum: high)
    }

    /// The finite values of all series.
    var finiteValues: [Double] {
        series.flatMap { ($0.values + ($0.lower ?? []) + ($0.upper ?? [])).compactMap { $0 }.filter(\.isFinite) }
    }
}
