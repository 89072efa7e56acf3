/// Something people try to do that measures can block or reward: buy a plane ticket, enrol a
/// child at a private school, pay an energy bill.
public struct Action: Sendable, Equatable {
    /// Machine name, e.g. `buy_flight`.
    public var id: String
    /// Human label.
    public var label: String
    /// Who attempts it; for a child's school enrolment, the children.
    public var who: [Group]
    /// Attempts per year, and how that varies with traits.
    public var rate: RateModel

    /// An action from its parts.
    public init(id: String, label: String = "", who: [Group] = [.adults], rate: RateModel) {
        self.id = id
        self.label = label
        self.who = who
        self.rate = rate
    }
}
