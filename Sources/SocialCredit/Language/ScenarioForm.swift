/// A scenario's editable parameters as a form, for the policy lab: the numbers, truth values and
/// dates its text holds, grouped as docs/scenario-language.md groups the language, each with its
/// current value, unit, range and the source comment written beside it in the file; and the
/// measures and spillovers, each on or off.
///
/// A field's `path` is the path `ScenarioEdit` and `sclab sweep --vary` take
/// (`sources.cctv_cameras.coverage`), so a form submission is applied by `ScenarioEdit` (one
/// editor, one semantics) and read back exactly as `sclab check` reads a file. Only values the
/// file holds are fields: an optional key left out (its default) is not offered. The
/// `calibration` section is left out: it holds published figures, not the system's parameters.
///
/// **On or off.** The language has no `enabled` key: a measure or spillover is in force when it
/// is in the file (and its rollout has started), as the counterfactual switches the whole system
/// off by leaving its parts out (`Scenario.switchedOff`). So a measure's or spillover's switch
/// is a `presence` field at the item's path, and switching it off removes the item.
public struct ScenarioForm: Sendable, Equatable {
    /// What a field holds, and so how a submitted value is read.
    public enum Kind: String, Sendable, Equatable {
        /// A decimal number within its `NumberKind`'s range.
        case number
        /// A whole number within its `NumberKind`'s range.
        case integer
        /// `true` or `false` (also `on`/`off`, `yes`/`no`).
        case boolean
        /// An ISO date, `YYYY-MM-DD`, within `Scenario.dates`.
        case date
        /// A measure or spillover in the scenario (`on`) or taken out (`off`).
        case presence
    }

    /// One editable value.
    public struct Field: Sendable, Equatable {
        /// Where the value is: the path `ScenarioEdit` takes, the name of the form's input.
        public var path: String
        /// The item's id (or the section's key) and the key within it, e.g.
        /// `cctv_cameras coverage`, `appeals contest.true_records`; for a measure's or
        /// spillover's switch, its id and its `label`.
        public var label: String
        /// How a submitted value is read.
        public var kind: Kind
        /// The current value as the file writes it (`0.2`, `1_000`, `true`, `2014-06-14`;
        /// `on` for a presence field).
        public var value: String
        /// The unit the value counts in words: `share`, `points`, `days`, `per year`...; empty
        /// for truth values.
        public var unit: String
        /// The number's kind, whose range the value must lie in (nil for non-numbers).
        public var numberKind: NumberKind?
        /// The allowed values in words: `from 0 to 1`, `from 1900-01-01 to 2199-12-31`, `on or off`.
        public var rangeText: String
        /// The key's meaning, from `ScenarioFields` (the docs' **Meaning** cell).
        public var meaning: String
        /// The comment the file writes on the value's line, or the comment lines directly above
        /// it or above its list item (the shipped scenarios cite their sources there); empty when
        /// there is none.
        public var comment: String
        /// The value's line in the file, from 1.
        public var line: Int
    }

    /// The fields of one part of the language.
    public struct Group: Sendable, Equatable {
        /// A short name: the section's key (`sources`), or `timeline` for every date of the
        /// timeline and of rollouts, `period` for the scenario's own start and end.
        public var id: String
        /// The heading, e.g. "Source coverage and false attribution".
        public var title: String
        /// Its fields, in file order.
        public var fields: [Field]
    }

    /// A submitted value that cannot be applied, or an error of the edited scenario, placed at
    /// the field it concerns so the page shows it there.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The field's path; for an error of the edited scenario, the path of the key the
        /// error is at (with list items named by id, as fields are); empty for the whole file.
        public var path: String
        /// What is wrong, naming the field and, for a number, its range.
        public var message: String

        /// A problem from its parts.
        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }

        /// `path: message`, or the message alone for the whole file.
        public var description: String { path.isEmpty ? message : "\(path): \(message)" }
    }

    /// Thrown by `apply` when a submission cannot be applied: every problem, not just the first.
    public struct Rejection: Error, Sendable, CustomStringConvertible {
        /// The problems, submitted values' first, in path order, then the edited scenario's.
        public var problems: [Problem]

        /// One problem per line.
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// The groups that have fields, in the order of docs/scenario-language.md.
    public var groups: [Group]

    /// Every field, group by group.
    public var fields: [Field] { groups.flatMap(\.fields) }

    /// The truth value a boolean or presence field's text stands for (`true`, `yes`, `on`...),
    /// nil for any other text: the words the scenario reader takes, for a page that shows the
    /// value as a choice.
    public static func truth(_ text: String) -> Bool? { NodeReader.truth(text) }

    /// The field at a path, if the form has one.
    public func field(_ path: String) -> Field? { fields.first { $0.path == path } }
}
