extension Scenario {
    /// Lists per scenario: a subject's lists are the bits of one byte.
    public static let maximumLists = 8
    /// Spillovers per scenario: the spillovers reaching a person are the bits of a 16-bit word.
    public static let maximumSpillovers = 16
    /// Actions per scenario: the actions a subject's standing acts on are the bits of a 64-bit word.
    public static let maximumActions = 64
    /// Responses per scenario: the responses in effect for a subject are the bits of a 64-bit word.
    public static let maximumResponses = 64
    /// Sources per scenario: a rule's accepted sources are the bits of a 64-bit word.
    public static let maximumSources = 64
    /// Rules per scenario: a record's trace id keeps its rule in six bits (63 means none).
    public static let maximumRules = 63
    /// Measures per scenario: the day loop counts an action's reward grants as the bits of one
    /// 64-bit word over the action's measures.
    public static let maximumMeasures = 64
}
