/// Finding one value in a document by a `ScenarioPath`, for fit parameters and for writing
/// fitted values back into the file.
extension DocumentNode {
    /// The node at `path`, or a message saying which step fails and what is there instead.
    func find(_ path: ScenarioPath) -> Result<DocumentNode, PathProblem> {
        var node = self
        var walked = ""
        for step in path.steps {
            switch (step, node.value) {
            case let (.key(key), .mapping(pairs)):
                guard
                    let pair = pairs.first(where: {
                        if case let .scalar(k, _) = $0.key.value { return k == key } else { return false }
                    })
                else {
                    let keys = pairs.compactMap { pair -> String? in
                        if case let .scalar(k, _) = pair.key.value { return k } else { return nil }
                    }
                    return .failure(
                        PathProblem(
                            message: "no key '\(key)'\(walked.isEmpty ? "" : " in \(walked)")",
                            hint: Suggestion.hint(for: key, in: keys)
                        )
                    )
                }
                node = pair.value
                walked += walked.isEmpty ? key : ".\(key)"
            case let (.key(id), .sequence(items)):
                let ids = items.compactMap { $0.idField }
                guard let item = items.first(where: { $0.idField == id }) else {
                    return .failure(
                        PathProblem(
                            message: "no element with id '\(id)' in \(walked.isEmpty ? "the document" : walked)",
                            hint: Suggestion.hint(for: id, in: ids)
                        )
                    )
                }
                node = item
                walked += ".\(id)"
            case let (.index(index), .sequence(items)):
                guard index < items.count else {
                    return .failure(
                        PathProblem(
                            message:
                                "\(walked) has \(items.count) element\(items.count == 1 ? "" : "s"), no [\(index)]",
                            hint: nil
                        )
                    )
                }
                node = items[index]
                walked += "[\(index)]"
            case (.index(let index), _):
                return .failure(
                    PathProblem(
                        message: "\(walked) is \(node.kindName), not a list, so it has no [\(index)]",
                        hint: nil
                    )
                )
            case (.key(let key), _):
                return .failure(PathProblem(message: "\(walked) is \(node.kindName), so it has no '\(key)'", hint: nil))
            }
        }
        return .success(node)
    }

    /// The `id` of a mapping, when it has one.
    private var idField: String? {
        guard case let .mapping(pairs) = value else { return nil }
        for pair in pairs {
            if case .scalar("id", _) = pair.key.value, case let .scalar(id, _) = pair.value.value { return id }
        }
        return nil
    }
}

/// Why a path does not lead to a value.
struct PathProblem: Error {
    var message: String
    var hint: String?
}

extension NodeReader {
    /// Each fit parameter must name a plain number in the file, inside its range's reach.
    func checkFitPaths(_ calibration: Calibration, in root: DocumentNode) {
        for (index, parameter) in calibration.fit.enumerated() {
            let path = "calibration.fit[\(index)].path"
            switch root.find(parameter.path) {
            case let .failure(problem):
                error("\(parameter.path): \(problem.message)", at: nil, path, hint: problem.hint)
            case let .success(node):
                guard case let .scalar(text, true) = node.value, Double(text.filter { $0 != "_" }) != nil else {
                    error("\(parameter.path) is \(node.kindName), not a number, so it cannot be fitted", at: nil, path)
                    continue
                }
                if parameter.whole && Int(text.filter { $0 != "_" }) == nil {
                    error(
                        "\(parameter.path) is \(text), not a whole number, but the parameter says 'whole: true'",
                        at: nil,
                        path
                    )
                }
            }
        }
    }
}
