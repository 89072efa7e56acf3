import Foundation
import RunRecords
import SocialCredit
import Testing

@testable import Impact

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The provinces' tile-grid map: the grid, the colour classes, and the SVG of a small hand-made
/// input whose colours and legend are worked out by hand.
struct TileMapTests {
    @Test("The grid holds each of the 31 provinces once, on its own square, in its rough place")
    func grid() throws {
        #expect(ChinaTile.all.count == 31)
        #expect(Set(ChinaTile.all.map(\.province.code)) == Set(Province.all.map(\.code)))
        #expect(Set(ChinaTile.all.map { [$0.column, $0.row] }).count == 31)
        #expect(Set(ChinaTile.all.map(\.abbreviation)).count == 31)
        for tile in ChinaTile.all {
            #expect(
                (0..<ChinaTile.columns).contains(tile.column) && (0..<ChinaTile.rows).contains(tile.row),
                "\(tile.abbreviation)"
            )
        }
        // As news graphics have it: Heilongjiang top right, Xinjiang far left, Hainan alone at the bottom.
        let hl = try #require(ChinaTile.named("Heilongjiang"))
        let xj = try #require(ChinaTile.named("Xinjiang"))
        let hi = try #require(ChinaTile.named("Hainan"))
        #expect(hl.row == 0 && hl.column == ChinaTile.columns - 1)
        #expect(xj.column == 0)
        #expect(hi.row == ChinaTile.rows - 1 && ChinaTile.all.filter { $0.row == hi.row }.count == 1)
        #expect(ChinaTile.named("Atlantis") == nil)
    }

    @Test("Colour classes: round edges from 0 to the highest value, the palette spread from lightest to darkest")
    func classes() {
        // 0 to 1: ticks every 0.2, five classes, one colour each.
        let five = Chart.ClassScale([0, 0.5, 1])
        #expect(five.classes == 5 && five.ticks.step == 0.2)
        #expect([0, 0.19, 0.2, 0.5, 0.6, 0.99, 1, 1.5].map(five.index) == [0, 0, 1, 2, 3, 4, 4, 4])
        #expect((0..<5).map(five.colour) == Chart.sequential)
        #expect((0..<5).map(five.dark) == [false, false, false, true, true])
        // 0 to 0.51: ticks every 0.2 up to 0.6, three classes: lightest, middle, darkest.
        let three = Chart.ClassScale([0.51])
        #expect(three.classes == 3)
        #expect((0..<3).map(three.colour) == ["#fef0d9", "#fc8d59", "#b30000"])
        // 0 to 0.04: ticks every 0.01, four classes: palette colours 0, 1, 3, 4.
        let four = Chart.ClassScale([0.02, 0.04])
        #expect((0..<4).map(four.colour) == ["#fef0d9", "#fdcc8a", "#e34a33", "#b30000"])
    }

    /// Each square's tooltip and fill, in drawing order.
    static func squares(_ svg: String) throws -> [(tip: String, fill: String, text: String)] {
        let pattern = try NSRegularExpression(
            pattern:
                "<g class=\"tile\"><title>([^<]*)</title><rect [^>]*fill=\"(#[0-9a-f]{6})\"[^>]*/><text [^>]*fill=\"(#[0-9a-f]+)\">"
        )
        let range = NSRange(svg.startIndex..., in: svg)
        return pattern.matches(in: svg, range: range).map { match in
            let text = { (i: Int) in String(svg[Range(match.range(at: i), in: svg)!]) }
            return (text(1), text(2), text(3))
        }
    }

    @Test("A hand-made tile map: every province drawn on each map, colours, text, legend and tooltips as worked out")
    func handMade() throws {
        let chart = Chart(
            id: "map",
            kind: .tileMap,
            title: "Rates <by province>",
            summary: "Two maps.",
            categories: ["Beijing", "Shanghai", "Guangdong", "Tibet", "Atlantis"],
            series: [
                .init(name: "listed", values: [0, 0.5, 1, nil, 0.9]),
                .init(name: "sanctioned", values: [0.02, 0.01, 0.03, 0.04, 1]),
            ],
            categoryLabel: "province",
            valueLabel: "share",
            format: .share
        )
        let svg = chart.svg()
        try Snapshot.check(svg, named: "tile-map.svg")
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        let squares = try Self.squares(svg)
        #expect(squares.count == 62)
        for tile in ChinaTile.all {
            #expect(
                svg.components(separatedBy: ">\(tile.abbreviation)</text></g>").count - 1 == 2,
                "\(tile.abbreviation)"
            )
        }
        let fill = Dictionary(uniqueKeysWithValues: squares.map { ($0.tip, ($0.fill, $0.text)) })
        // "listed": 0 to 1 in five classes of 0.2; Tibet has no value, and neither has a province
        // missing from the categories; Atlantis is no province and is not drawn.
        #expect(fill["Beijing (BJ), listed: 0.00%"]! == ("#fef0d9", "#1a1a1a"))
        #expect(fill["Shanghai (SH), listed: 50.00%"]! == ("#fc8d59", "#1a1a1a"))
        #expect(fill["Guangdong (GD), listed: 100.00%"]! == ("#b30000", "#fff"))
        #expect(fill["Tibet (XZ), listed: no people"]! == (Chart.noValue, "#1a1a1a"))
        #expect(fill["Hunan (HN), listed: no people"]! == (Chart.noValue, "#1a1a1a"))
        #expect(!svg.contains("Atlantis"))
        // "sanctioned": its own scale, 0 to 4% in four classes of 1%.
        #expect(fill["Shanghai (SH), sanctioned: 1.00%"]! == ("#fdcc8a", "#1a1a1a"))
        #expect(fill["Beijing (BJ), sanctioned: 2.00%"]! == ("#e34a33", "#fff"))
        #expect(fill["Guangdong (GD), sanctioned: 3.00%"]! == ("#b30000", "#fff"))
        #expect(fill["Tibet (XZ), sanctioned: 4.00%"]! == ("#b30000", "#fff"))
        // Legends: the class edges under each map, and the grey key where a province has no value.
        let legends = svg.components(separatedBy: "<g class=\"legend\"").dropFirst()
        let edges = legends.map { legend in
            legend.components(separatedBy: "text-anchor=\"middle\">").dropFirst().map {
                $0.components(separatedBy: "<")[0]
            }
        }.filter { !$0.isEmpty }
        #expect(edges == [["0%", "20%", "40%", "60%", "80%", "100%"], ["0%", "1%", "2%", "3%", "4%"]])
        #expect(svg.components(separatedBy: ">no people</text>").count - 1 == 2)
        #expect(svg.contains("<title id=\"map-title\">Rates &lt;by province&gt;</title>"))
    }
}
