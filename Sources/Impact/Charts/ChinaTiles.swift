import SocialCredit

// Tile-grid positions of the 31 provincial-level divisions of mainland China: one square per
// province, in its rough geographic place, as news graphics draw tile-grid maps (no boundary data).
// Choice: laid out for this project. Each province starts at the square of its capital's longitude
// (column, west to east) and latitude (row, north to south), then is moved by at most one square so
// that no two share a square and most neighbours stay side by side: Heilongjiang, Jilin and
// Liaoning down the north-east edge, Beijing above Hebei with Tianjin to its east, Xinjiang and
// Tibet on the far left, Shanghai between Jiangsu and Zhejiang, Hainan alone at the bottom.
// Abbreviations: ISO 3166-2:CN subdivision codes (the two-letter codes of the 2017 revision,
// e.g. CN-BJ, CN-XZ), as news graphics label provinces.
// Columns: GB/T 2260 code (as in SocialCredit/Regions), abbreviation, column (0 = west), row (0 = north).

/// Where each province sits on the tile grid, and its label.
struct ChinaTile: Sendable, Equatable {
    /// The province (GB/T 2260 code and names, from `Province.all`).
    var province: Province
    /// ISO 3166-2:CN code without the "CN-", the label drawn in the square.
    var abbreviation: String
    /// Square position: column from the west, row from the north.
    var column: Int
    var row: Int
}

extension ChinaTile {
    /// Columns and rows of the grid.
    static let columns = 7, rows = 8

    /// All 31 squares, in `Province.all`'s (code) order.
    static let all: [ChinaTile] = table.split(separator: "\n").map { line in
        let field = line.split(separator: ",").map(String.init)
        return ChinaTile(
            province: Province.withCode(Int(field[0])!)!,
            abbreviation: field[1],
            column: Int(field[2])!,
            row: Int(field[3])!
        )
    }

    /// The square of a province named as the group tallies and `Province` name it ("Tibet",
    /// "Inner Mongolia"); nil for any other name.
    static func named(_ name: String) -> ChinaTile? { all.first { $0.province.name == name } }

    static let table = """
        11,BJ,4,1
        12,TJ,5,2
        13,HE,4,2
        14,SX,3,2
        15,NM,3,1
        21,LN,5,1
        22,JL,6,1
        23,HL,6,0
        31,SH,5,4
        32,JS,5,3
        33,ZJ,5,5
        34,AH,4,4
        35,FJ,4,6
        36,JX,4,5
        37,SD,4,3
        41,HA,3,3
        42,HB,3,4
        43,HN,3,5
        44,GD,3,6
        45,GX,2,6
        46,HI,3,7
        50,CQ,2,4
        51,SC,1,4
        52,GZ,2,5
        53,YN,1,5
        54,XZ,0,3
        61,SN,2,3
        62,GS,1,2
        63,QH,1,3
        64,NX,2,2
        65,XJ,0,2
        """
}
