import SinergiModel

/// What the page shows about each lever: a label, a default intensity, a note for the
/// lecture and the source the mechanism comes from (docs/model.md §7.2).
public struct LeverInfo: Sendable, Equatable {
    public var lever: Lever
    public var label: String
    public var defaultIntensity: Double
    /// Two or three sentences a lecturer can say when switching it on.
    public var note: String
    /// The seed article (000–004) or theory reference the mechanism comes from, and what it says.
    public var source: String

    /// Whether it acts on a government as a whole ("government") or on agencies ("agency").
    public var level: String { lever.actsOnGovernment ? "government" : "agency" }

    /// The catalogue entry of `lever`.
    public static func of(_ lever: Lever) -> LeverInfo {
        all.first { $0.lever == lever }!
    }

    /// Every lever, in the order of MODEL.md §4.
    public static let all: [LeverInfo] = [
        LeverInfo(
            lever: .politicalWill, label: "Political will of the head", defaultIntensity: 0.5,
            note:
                "The head of government backs the SPBE programme in public and in the budget. Effective political will closes part of its gap to 1, which raises every agency's commitment and, each January, the ICT budget. Nothing is built by will alone: agencies still need staff, money and a forum.",
            source:
                "Seed 000 (Jambi Province) and seed 001: collaboration stalls for lack of commitment of leaders \"at the elite level\"; political will decides whether ICT gets a budget."
        ),
        LeverInfo(
            lever: .champion, label: "Passionate champion", defaultIntensity: 0.6,
            note:
                "A respected official chairs the coordination forum and keeps people at the table. The forum meets more often, commitment rises and the capacity for joint action grows. It lasts only as long as the champion stays.",
            source:
                "Linden 2010: collaborative leaders with a \"measured ego\" and a passionate champion; seed 000 names the need for such a leader (Ansell & Gash 2008, facilitative leadership)."
        ),
        LeverInfo(
            lever: .coordinationTeam, label: "SPBE coordination team", defaultIntensity: 0.5,
            note:
                "A regulation sets up an SPBE coordination team with ground rules for the forum. Institutional design rises once, for good: more meetings, better dialogue and a higher policy score. Its effect is permanent even if the lever is switched off later.",
            source:
                "Seed 002 (Jambi City): no agency coordinates the collaboration; seed 001: the collaboration design is missing. Ansell & Gash 2008: institutional design as a starting condition."
        ),
        LeverInfo(
            lever: .neutralMediator, label: "Neutral mediator", defaultIntensity: 0.5,
            note:
                "An impartial facilitator runs the forum so that the agencies with the largest budgets do not dominate. Power imbalance then spoils dialogue less, so trust and shared understanding grow faster.",
            source:
                "Seed 000 (Jambi Province): a neutral, impartial mediator is needed when agencies negotiate under power imbalance (Ansell & Gash 2008)."
        ),
        LeverInfo(
            lever: .externalMandate, label: "External mandate (KPK)", defaultIntensity: 0.5,
            note:
                "An outside body demands the joint systems, as the anti-corruption commission recommended e-planning and e-budgeting. The mandate raises commitment and is the only thing that makes selfish agencies put in effort. After a change of head it counts for less for six months.",
            source:
                "Seed 000 (Jambi Province): the KPK (anti-corruption commission) recommended e-planning and e-budgeting, yet Bakeuda kept SIMDA."
        ),
        LeverInfo(
            lever: .budgetRingfence, label: "Ring-fenced ICT budget", defaultIntensity: 0.8,
            note:
                "Each agency's ICT budget is protected at a floor equal to the intensity. Budget caps the effort an agency can deliver, so a floor lifts the poorest agencies most. It also changes who has power in the forum.",
            source:
                "Seeds 000, 001, 002 and 004: limited ICT budgets, budgets not focused on infrastructure, infrastructure budgets not realised (Makassar)."
        ),
        LeverInfo(
            lever: .training, label: "Training of trainers", defaultIntensity: 0.6,
            note:
                "Operators are trained every month the lever is on, and trained trainers keep teaching after it ends. Staff adequacy rises now, and the agency learns faster for the rest of the term. Rotation of officials still drains what was learnt.",
            source:
                "Seed 000 (Jambi Province): a 4-day training of trainers under an MoU with North Sumatra Province; seed 001: training was not holistic."
        ),
        LeverInfo(
            lever: .staffRetention, label: "Keep trained staff in post", defaultIntensity: 0.5,
            note:
                "Trained operators are kept in their posts instead of being rotated away. The monthly chance of losing a trained operator falls by the intensity. It protects what training builds.",
            source: "Seed 000 (Jambi Province): rotation of officials creates a \"vacuum and miscommunication\"."),
        LeverInfo(
            lever: .legacyMigration, label: "Migrate off the legacy system", defaultIntensity: 0.7,
            note:
                "The agency holding a legacy system plans and funds its migration. Lock-in falls a little every month, so its commitment and its contribution to the new joint system recover. Weakest-link systems wait for exactly this agency.",
            source:
                "Seed 000 (Jambi Province): Bakeuda kept the SIMDA system, so e-budgeting did not run although e-planning did."
        ),
        LeverInfo(
            lever: .regulationIntegration, label: "Integrated authority rules", defaultIntensity: 0.5,
            note:
                "Regulations settle which agency holds which authority and data. Sectoral ego falls once, for good, by half the intensity. Less ego means more commitment in every later month.",
            source:
                "Seeds 000 and 001: regulations on authority among agencies are not integrated, which feeds sectoral ego."
        ),
        LeverInfo(
            lever: .cultureChange, label: "Knowledge-sharing culture", defaultIntensity: 0.5,
            note:
                "A programme moves agencies from a static to a dynamic, knowledge-sharing culture. Culture changes slowly, a little each month. A dynamic culture speeds learning and maturity.",
            source:
                "Seed 001: a static organisational culture; seeds 002 and 003: culture is slow to change; Anderson et al. 2015: a knowledge-sharing culture."
        ),
        LeverInfo(
            lever: .citizenOutreach, label: "Citizen outreach", defaultIntensity: 0.5,
            note:
                "Campaigns tell citizens about the e-services and help them use them. Spontaneous adoption rises up to threefold and digital readiness grows slowly. Outreach cannot help before a citizen-facing service is launched.",
            source:
                "Seed 002 (Jambi City): lack of public readiness; seed 001: the digital divide (Bass 1969 diffusion)."),
        LeverInfo(
            lever: .infrastructure, label: "ICT infrastructure", defaultIntensity: 0.3,
            note:
                "The region invests in networks so more citizens get internet access. The ceiling of access rises once, for good, and access grows faster while the lever is on. More access means more potential users.",
            source:
                "Seed 001: infrastructure is \"50% of the key\" to e-government; seed 000: 35.82% of people aged 5+ had internet access in Jambi in 2018."
        ),
        LeverInfo(
            lever: .partnership, label: "Partnerships", defaultIntensity: 0.5,
            note:
                "Private firms, other regions or foreign programmes lend money and experts. Each agency's budget gets an add-on and its staff improve a little each month. The add-on ends with the partnership.",
            source:
                "Seed 002 (Jambi City): partners from firms, Bungo Regency and the Singapore Cooperation Programme; seed 003 (Jakarta): public–private partnership when resources are short."
        ),
    ]
}
