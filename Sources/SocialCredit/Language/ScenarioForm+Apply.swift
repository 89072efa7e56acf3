import Foundation
internal import Yams

extension ScenarioForm {
    /// The scenario's text with a form's submitted values applied, validated as `sclab check`
    /// validates a file.
    ///
    /// Each value is read as the scenario reader reads its field (`NodeReader`'s number, truth
    /// and date reads: the same words, whole-number rule and `NumberKind` range); a value equal
    /// to the current one is left alone, and a submission that changes nothing returns the text
    /// as it was. The changes are made by `ScenarioEdit` (so the edited text, like a sweep's
    /// variant, keeps its layout but not its comments) and the result read by `Scenario.read`.
    /// - Parameters:
    ///   - values: Field paths and the values submitted for them (`on`/`off` for a measure or
    ///     spillover); a path left out is left unchanged.
    ///   - text: The scenario's text.
    ///   - file: The name the edited scenario's errors are reported under.
    /// - Throws: `Rejection` with every problem placed at its field: an unknown path, a value of
    ///   the wrong kind or out of range, or an error of the edited scenario (placed at the path
    ///   of the key it is at).
    public static func apply(
        _ values: [String: String],
        to text: String,
        file: String = "scenario.yaml"
    ) throws
        -> String
    {
        let form: ScenarioForm
        do { form = try ScenarioForm(text: text) } catch {
            throw Rejection(problems: [Problem(path: "", message: "\(error)")])
        }
        var problems: [Problem] = []
        var changes: [String: ScenarioEdit.Value] = [:]
        for (path, submitted) in values.sorted(by: { $0.key < $1.key }) {
            guard let field = form.field(path) else {
                let hint = Suggestion.hint(for: path, in: form.fields.map(\.path)).map { " (\($0))" } ?? ""
                problems.append(Problem(path: path, message: "no such parameter in this scenario\(hint)"))
                continue
            }
            switch field.read(submitted) {
            case let .failure(problem): problems.append(problem)
            case let .success(change?): changes[path] = change
            case .success(nil): break
            }
        }
        guard problems.isEmpty else { throw Rejection(problems: problems) }
        guard !changes.isEmpty else {
            try validate(text, file: file)
            return text
        }
        // File order; items taken out last, so no other path moves under an edit.
        let edits = form.fields.compactMap { field in changes[field.path].map { (path: field.path, value: $0) } }
        let ordered = edits.filter { $0.value != .removed } + edits.filter { $0.value == .removed }
        let edited: String
        do { edited = try ScenarioEdit.edit(ordered, to: text) } catch {
            throw Rejection(problems: [Problem(path: "", message: "\(error)")])
        }
        try validate(edited, file: file)
        return edited
    }

    /// Reads the text as `sclab check` does; its errors, placed at their keys' paths, are thrown.
    private static func validate(_ text: String, file: String) throws {
        let reading = Scenario.read(text, file: file)
        guard reading.scenario == nil else { return }
        let root = try? ScenarioEdit.document(text)
        throw Rejection(
            problems: reading.errors.map { diagnostic in
                let message = diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? "")
                return Problem(
                    path: root.map { formPath(diagnostic.path, in: $0) } ?? diagnostic.path,
                    message: message
                )
            }
        )
    }

    /// A reader's key path (`sources[0].coverage`, items by index) as a form path
    /// (`sources.cctv_cameras.coverage`, items by id where the id leads back to them); the
    /// reader's path unchanged where it does not lead through the tree.
    static func formPath(_ readerPath: String, in root: Node) -> String {
        var node = root
        var path = ""
        for segment in readerPath.split(separator: ".", omittingEmptySubsequences: false) {
            let parts = segment.split(separator: "[", omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard case let .mapping(mapping) = node, let next = mapping[key] else { return readerPath }
            node = next
            path = ScenarioEdit.path(path, key: key)
            for part in parts.dropFirst() {
                guard part.hasSuffix("]"), let index = Int(part.dropLast()), case let .sequence(sequence) = node,
                    sequence.indices.contains(index)
                else { return readerPath }
                path = ScenarioEdit.path(path, item: index, of: Array(sequence))
                node = sequence[index]
            }
        }
        return path
    }
}

extension ScenarioForm.Field {
    /// The edit a submitted value makes: nil when it is the current value, a problem naming the
    /// field, its path and what is allowed when it cannot be read or is out of range.
    func read(_ submitted: String) -> Result<ScenarioEdit.Value?, ScenarioForm.Problem> {
        let text = submitted.trimmingCharacters(in: .whitespaces)
        let reader = NodeReader(file: "form")
        let node = DocumentNode(value: .scalar(text, plain: true), location: nil)
        switch kind {
        case .number, .integer:
            guard let numberKind, let number = reader.number(node, path, numberKind) else { break }
            let current = Double(self.value.filter { $0 != "_" })
            return .success(number == current ? nil : .number(number))
        case .boolean:
            guard let truth = reader.bool(node, path) else { break }
            return .success(truth == NodeReader.truth(self.value) ? nil : .truth(truth))
        case .date:
            guard let day = reader.day(node, path) else { break }
            return .success(day == Day(iso: self.value) ? nil : .date(day))
        case .presence:
            guard let on = NodeReader.truth(text) else {
                return .failure(problem("expected on or off, found '\(text)'"))
            }
            return .success(on ? nil : .removed)
        }
        let diagnostic = reader.log.diagnostics.first
        let message = (diagnostic?.message ?? "cannot be read") + (diagnostic?.hint.map { " (\($0))" } ?? "")
        return .failure(problem(message.contains(rangeText) ? message : "\(message); allowed: \(rangeText)"))
    }

    private func problem(_ message: String) -> ScenarioForm.Problem {
        let unit = unit.isEmpty || kind == .date ? "" : " (\(unit))"
        return ScenarioForm.Problem(path: path, message: "\(label)\(unit): \(message)")
    }
}
