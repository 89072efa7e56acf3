import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// One entry of the public list (M13), as the official website publishes it: name, masked
/// identity number, list, reason, date and authority; plus what the website would not know and
/// the simulation does: whether the record behind the listing was false (N2).
struct PublicEntry: Sendable, Codable, Equatable {
    /// "people" or "companies", and the index in the society (the link to the credit report).
    var subjectKind: String
    var subject: Int
    /// Name in Han characters and in pinyin (for a company: its sector and province).
    var name: String
    var pinyin: String
    /// The identity number with the date of birth hidden; for a company its unified social credit
    /// code, which is public.
    var identity: String
    /// List id, label and kind (black or red).
    var list: String
    var listLabel: String
    var listKind: String
    /// Why: the behaviour recorded (label), or the condition for a list that follows one.
    var reason: String
    /// The rule that listed them; nil for a list that follows a condition.
    var rule: String?
    /// First day on the list; nil for a list that follows a condition (listed while it holds).
    var date: String?
    /// The term's end as set on listing; nil for no term.
    var until: String?
    /// The authority: the source that made the record (a court, a department), or the credit
    /// system itself for a list that follows a condition.
    var authority: String
    /// True when the record behind the listing was attached to the wrong person.
    var falseRecord: Bool

    /// The full identity number, for matching a search; never encoded.
    var fullIdentity: String = ""

    enum CodingKeys: String, CodingKey {
        case subjectKind, subject, name, pinyin, identity, list, listLabel, listKind, reason, rule, date, until,
            authority, falseRecord
    }
}

extension RunView {
    /// Everyone on a published list at the end of the run, newest listing first: people and
    /// companies, each list they are on one entry.
    func publicEntries() throws -> [PublicEntry] {
        try entries.get { try makePublicEntries() }
    }

    private func makePublicEntries() throws -> [PublicEntry] {
        let society = try societyView()
        let s = scenario
        var entries: [PublicEntry] = []
        for (kind, snapshots, listings) in [
            ("people", people, peopleListings), ("companies", companies, companyListings),
        ] {
            for snapshot in snapshots.values.sorted(by: { $0.subject < $1.subject }) {
                for listID in snapshot.lists.split(separator: ",").map(String.init) {
                    guard let list = s.lists.first(where: { $0.id == listID }), list.published else { continue }
                    let listing = listings[snapshot.subject]?.last { $0.list == listID }
                    entries.append(entry(kind: kind, subject: snapshot.subject, list: list, listing: listing, society))
                }
            }
        }
        return entries.sorted { ($0.date ?? day.description, $0.subject) > ($1.date ?? day.description, $1.subject) }
    }

    private func entry(
        kind: String,
        subject: Int,
        list: CreditList,
        listing: Listing?,
        _ society: SocietyView
    ) -> PublicEntry {
        let s = scenario
        let person = kind == "people"
        let name: (han: String, pinyin: String)
        let identity: String
        if person {
            let personName = society.name(subject)
            name = (personName.han, personName.pinyin)
            identity = society.identity(subject)
        } else {
            let sector = society.population.companies.sectorOf(subject).rawValue.capitalized
            let province = Province.withCode(society.companyProvinceCode(subject))?.name ?? ""
            name = ("\(sector) enterprise No. \(subject)", province)
            identity = society.population.creditCode(of: subject, census: society.census).text
        }
        var entry = PublicEntry(
            subjectKind: kind,
            subject: subject,
            name: name.han,
            pinyin: name.pinyin,
            identity: person ? maskedIdentity(identity) : identity,
            list: list.id,
            listLabel: list.label.isEmpty ? list.id : list.label,
            listKind: list.kind.rawValue,
            reason: list.entry.map { "meets the condition: \($0.text)" } ?? "listed",
            rule: nil,
            date: nil,
            until: nil,
            authority: "the credit system (automatic)",
            falseRecord: false,
            fullIdentity: identity
        )
        if let listing {
            let behavior = s.behaviors.first { $0.id == listing.behavior }
            let source = s.sources.first { $0.id == listing.source }
            entry.reason = behavior.map { $0.label.isEmpty ? $0.id : $0.label } ?? listing.behavior
            entry.rule = listing.rule
            entry.date = listing.day
            entry.until = listing.until
            entry.authority = source.map { $0.label.isEmpty ? $0.id : $0.label } ?? listing.source
            entry.falseRecord = listing.misattributed
        }
        return entry
    }
}

/// A search of the public list: text (name or identity number), a list, a date range and a page.
struct PublicListQuery: Sendable, Equatable {
    /// Name (Han or pinyin, any case, any part) or identity number (in full, or the visible part).
    var text: String = ""
    /// Only this list.
    var list: String?
    /// Listed on or after, on or before.
    var from: Day?
    var to: Day?
    /// Page (from 1) and entries per page.
    var page: Int = 1
    var perPage: Int = 25

    /// Entries per page at most.
    static let maxPerPage = 100
    /// Longest search text.
    static let maxText = 100

    /// Whether an entry matches.
    func matches(_ entry: PublicEntry) -> Bool {
        if let list, entry.list != list { return false }
        if from != nil || to != nil {
            guard let date = entry.date.flatMap({ Day(iso: $0) }) else { return false }
            if let from, date < from { return false }
            if let to, date > to { return false }
        }
        let needle = text.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return true }
        let folded = needle.lowercased()
        return entry.name.contains(needle) || entry.pinyin.lowercased().contains(folded)
            || entry.fullIdentity.uppercased() == needle.uppercased()
            || entry.identity.uppercased().contains(needle.uppercased())
    }
}

/// One page of a search of the public list.
struct PublicListPage: Sendable, Codable, Equatable {
    /// The run.
    var run: String
    /// The day the list stands on (the run's last day).
    var day: String
    /// Matching entries in all, the page, entries per page, and pages in all.
    var total: Int
    var page: Int
    var perPage: Int
    var pages: Int
    /// This page's entries.
    var entries: [PublicEntry]
}

extension RunView {
    /// The page of the public list a query asks for.
    func publicList(_ query: PublicListQuery) throws -> PublicListPage {
        let matching = try publicEntries().filter(query.matches)
        let pages = max(1, (matching.count + query.perPage - 1) / query.perPage)
        let start = min(matching.count, (query.page - 1) * query.perPage)
        let end = min(matching.count, start + query.perPage)
        return PublicListPage(
            run: id,
            day: day.description,
            total: matching.count,
            page: query.page,
            perPage: query.perPage,
            pages: pages,
            entries: Array(matching[start..<end])
        )
    }

    /// The published lists of the scenario.
    var publishedLists: [CreditList] { scenario.lists.filter(\.published) }
}
