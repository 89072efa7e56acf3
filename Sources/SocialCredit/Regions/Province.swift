/// A provincial-level division, the unit in which scenarios roll out (pilots in some provinces,
/// then nationwide). Shared vocabulary for scenarios and the synthetic society.
public struct Province: Sendable, Hashable {
    /// Two-digit GB/T 2260 code, e.g. 37 for Shandong.
    public var code: Int
    /// English name, e.g. "Shandong".
    public var name: String
    /// Pinyin, e.g. "Xizang" for Tibet.
    public var pinyin: String
    /// Han characters.
    public var hanName: String
    /// NBS macro-region: East, Central, West or Northeast.
    public var macroRegion: String

    /// All 31 provinces, in code order.
    public static let all: [Province] = table.split(separator: "\n").map { line in
        let field = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return Province(
            code: Int(field[0])!,
            name: field[1],
            pinyin: field[2],
            hanName: field[3],
            macroRegion: field[4]
        )
    }

    /// The four NBS macro-regions.
    public static let macroRegions = ["East", "Central", "West", "Northeast"]

    /// The province with this code.
    public static func withCode(_ code: Int) -> Province? { all.first { $0.code == code } }

    /// Resolves a region name as written in a scenario: a province's English name, pinyin or
    /// code, or a macro-region; case-insensitive. Returns the province codes it stands for.
    public static func codes(named name: String) -> Set<Int>? {
        let key = name.lowercased()
        if let macro = macroRegions.first(where: { $0.lowercased() == key }) {
            return Set(all.filter { $0.macroRegion == macro }.map(\.code))
        }
        if let province = all.first(where: {
            $0.name.lowercased() == key || $0.pinyin.lowercased() == key || String($0.code) == key || $0.hanName == name
        }) {
            return [province.code]
        }
        return nil
    }

    /// Every name `codes(named:)` accepts, for suggestions.
    public static var knownNames: [String] { macroRegions + all.map(\.name) }
}
