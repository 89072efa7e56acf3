internal import Yams

extension ScenarioForm {
    /// The groups in the order of docs/scenario-language.md: a section's own key names its group,
    /// except the scenario's start and end (`period`) and every rollout date, which join the
    /// timeline's phase dates (`timeline`, docs' "Rollout and timeline").
    static let groupTitles: [(id: String, title: String)] = [
        ("period", "The period"),
        ("enrolment", "Enrolment"),
        ("score", "The score and its tiers"),
        ("company_score", "The company score and its tiers"),
        ("ratings", "Ratings"),
        ("behaviors", "Behaviour rates"),
        ("sources", "Source coverage and false attribution"),
        ("rules", "Rule points, caps and lifetimes"),
        ("lists", "List terms"),
        ("actions", "Action rates"),
        ("measures", "Measures on or off"),
        ("spillovers", "Spillovers on or off"),
        ("appeals", "Appeals"),
        ("responses", "Responses"),
        ("timeline", "Phase dates: the timeline and rollouts"),
    ]

    /// The sections whose items are switched on or off (`Kind.presence`).
    static let switchedSections: Set<String> = ["measures", "spillovers"]

    /// The form of a scenario's text (YAML or JSON). The text need not be a valid scenario:
    /// keys the language does not declare, and values of the wrong shape, are left out (`sclab
    /// check` reports them).
    /// - Throws: `ScenarioEdit.Failure` when the text does not parse.
    public init(text: String) throws {
        let root = try ScenarioEdit.document(text)
        var walker = Walker(comments: SourceComments(text: text))
        if case let .mapping(sections) = root {
            for (keyNode, node) in sections {
                guard let key = keyNode.string, key != "calibration",
                    let declaration = ScenarioFields.scenario.field(key)
                else { continue }
                let place = Walker.Place(
                    path: key,
                    owner: key,
                    relative: "",
                    group: key == "scenario" ? "period" : key,
                    itemLine: nil
                )
                walker.walk(node, declaration, at: place, unit: nil)
            }
        }
        groups = Self.groupTitles.compactMap { group in
            walker.fields[group.id].map { Group(id: group.id, title: group.title, fields: $0) }
        }
    }

    /// A number kind's unit in words, for the form: the kind's own unit where it has one
    /// (`days`, `points`), else what the number is (`share`, `factor`).
    static func unit(of kind: NumberKind) -> String {
        switch kind {
        case .probability: return "share"
        case .rate: return "per year"
        case .factor: return "factor"
        case .dispersion: return "coefficient of variation"
        case .weight: return "score points per rating point"
        case .tolerance: return "relative"
        case .days, .age, .points, .spilloverPoints, .pointsPerYear, .amount, .measurement: return kind.unit
        }
    }

    /// Walks the tree by `ScenarioFields`' declarations, collecting a field for every number,
    /// truth value and date the file holds.
    struct Walker {
        /// Where a node is: its path, the item (or section) it belongs to, and its group.
        struct Place {
            var path: String
            /// The innermost list item's id, or the section's key.
            var owner: String
            /// The path from the owner to here.
            var relative: String
            var group: String
            /// The line of the innermost list item, whose comments a field without its own takes.
            var itemLine: Int?

            /// The place of a key of the mapping here.
            func key(_ key: String) -> Place {
                var next = self
                next.path = ScenarioEdit.path(path, key: key)
                next.relative = relative.isEmpty ? key : "\(relative).\(key)"
                return next
            }

            var label: String { relative.isEmpty ? owner : "\(owner) \(relative)" }
        }

        let comments: SourceComments
        var fields: [String: [Field]] = [:]

        mutating func walk(_ node: Node, _ declaration: FieldDeclaration, at place: Place, unit: String?) {
            switch declaration.shape {
            case let .number(kind):
                number(node, kind, declaration, at: place, unit: unit)
            case let .list(.number(kind)):
                guard case let .sequence(items) = node else { return }
                for (index, item) in items.enumerated() {
                    var element = place
                    element.path += "[\(index)]"
                    element.relative += "[\(index)]"
                    number(item, kind, declaration, at: element, unit: unit)
                }
            case .bool:
                guard ScenarioEdit.truth(node) != nil, case let .scalar(scalar) = node else { return }
                add(
                    place,
                    .boolean,
                    scalar.string,
                    line: node.mark?.line,
                    declaration,
                    unit: "",
                    range: "true or false"
                )
            case .date:
                guard case let .scalar(scalar) = node, Day(iso: scalar.string) != nil else { return }
                let range =
                    place.group == "period"
                    ? "from \(Period.dates.lowerBound) to \(Period.dates.upperBound)" : "a date, YYYY-MM-DD"
                add(place, .date, scalar.string, line: node.mark?.line, declaration, unit: "date", range: range)
            case let .table(name):
                guard case let .mapping(mapping) = node, let table = ScenarioFields.table(named: name) else { return }
                var inner = place
                if name == "rollout" || name == "phase" { inner.group = "timeline" }
                // A reward's benefit counts in the measure's own `unit`.
                let unit = mapping["unit"]?.string ?? unit
                for (keyNode, value) in mapping {
                    guard let key = keyNode.string, let field = table.field(key) else { continue }
                    walk(value, field, at: inner.key(key), unit: unit)
                }
            case let .list(.table(name)):
                guard case let .sequence(sequence) = node else { return }
                let items = Array(sequence)
                for index in items.indices {
                    let item = items[index]
                    var inner = place
                    inner.path = ScenarioEdit.path(place.path, item: index, of: items)
                    if let id = item["id"]?.string, !id.isEmpty {
                        inner.owner = id
                        inner.relative = ""
                        inner.itemLine = item.mark?.line
                    } else {
                        inner.relative += "[\(index)]"
                    }
                    if place.path == place.group, Self.isSwitched(place.group) {
                        presence(item, at: inner)
                    }
                    walk(
                        item,
                        FieldDeclaration(declaration.key, .table(name), declaration.summary),
                        at: inner,
                        unit: nil
                    )
                }
            default:
                return
            }
        }

        static func isSwitched(_ section: String) -> Bool { ScenarioForm.switchedSections.contains(section) }

        private mutating func number(
            _ node: Node,
            _ kind: NumberKind,
            _ declaration: FieldDeclaration,
            at place: Place,
            unit: String?
        ) {
            guard ScenarioEdit.numeric(node) != nil, case let .scalar(scalar) = node else { return }
            var field = makeField(
                place,
                kind.isWhole ? .integer : .number,
                scalar.string,
                line: node.mark?.line,
                declaration,
                unit: kind == .amount ? (unit ?? "") : ScenarioForm.unit(of: kind),
                range: kind.rangeText
            )
            field.numberKind = kind
            fields[place.group, default: []].append(field)
        }

        /// The switch of a measure or spillover: on while it is in the file. Its label adds the
        /// item's own `label`, which says what is switched.
        private mutating func presence(_ item: Node, at place: Place) {
            let line = item.mark?.line ?? 0
            let named = item["label"]?.string.map { "\(place.label) (\($0))" }
            let field = Field(
                path: place.path,
                label: named ?? place.label,
                kind: .presence,
                value: "on",
                unit: "",
                numberKind: nil,
                rangeText: "on or off",
                meaning: "in the scenario (on) or taken out of it (off); the language has no `enabled` key",
                comment: comments.comment(line: line, itemLine: nil),
                line: line
            )
            fields[place.group, default: []].append(field)
        }

        private mutating func add(
            _ place: Place,
            _ kind: Kind,
            _ value: String,
            line: Int?,
            _ declaration: FieldDeclaration,
            unit: String,
            range: String
        ) {
            fields[place.group, default: []].append(
                makeField(place, kind, value, line: line, declaration, unit: unit, range: range)
            )
        }

        private func makeField(
            _ place: Place,
            _ kind: Kind,
            _ value: String,
            line: Int?,
            _ declaration: FieldDeclaration,
            unit: String,
            range: String
        ) -> Field {
            Field(
                path: place.path,
                label: place.label,
                kind: kind,
                value: value,
                unit: unit,
                numberKind: nil,
                rangeText: range,
                meaning: declaration.summary,
                comment: comments.comment(line: line ?? 0, itemLine: place.itemLine),
                line: line ?? 0
            )
        }
    }
}
