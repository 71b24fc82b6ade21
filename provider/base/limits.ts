/**
 * Every length limit the provider enforces, in UTF-16 code units (JavaScript `.length`, as Langdock
 * counts), written once, each with its source (docs/langdock-api.md, "Limits"). Where sources disagree,
 * the **most permissive** current value is checked, so the provider never refuses what Langdock accepts;
 * a stricter server then fails at `up` with its own 400, naming the property. "own bound" marks a number
 * where Langdock states none. Schemas, codeFromFile and the removal markers read `LIMITS`; the emulator
 * deliberately keeps its own transcription (see docs/ARCHITECTURE.md, "Limits").
 */
const SEED = "seed docs";
const OWN = "own bound (Langdock states none)";
const OAUTH = "late-2026 sources: OAuth client limits";
const AGENT_FIELD = "late-2026 sources: agent input field limits";
const SKILLS = "skills.md: Langdock's OpenAPI CreateSkillRequest and Skill";

type Limit = readonly [value: number, source: string];

export const LIMIT_TABLE = {
  integration: {
    name: [40, SEED],
    description: [90, SEED],
    iconUrl: [2000, OWN],
    color: [7, OWN],
    authTestCode: [1000, SEED],
  },
  authField: { slug: [100, SEED], label: [100, SEED], description: [500, SEED], placeholder: [200, SEED] },
  oauthClient: {
    clientId: [500, OAUTH],
    clientSecret: [500, OAUTH],
    url: [2000, OWN],
    scopes: [2000, OAUTH],
    label: [100, OAUTH],
    code: [40_000, OWN],
  },
  action: { name: [100, SEED], description: [1000, SEED], code: [150_000, "sources give 40,000 (seed docs) and 150,000 (late 2026)"] },
  trigger: { name: [100, SEED], description: [90, SEED], pollingCode: [1000, SEED] },
  /** Input fields of actions and triggers. */
  inputField: {
    label: [100, SEED],
    description: [500, SEED],
    placeholder: [200, SEED],
    slug: [100, OWN],
    optionLabel: [100, OWN],
    optionValue: [200, OWN],
    jsonSchema: [100_000, OWN],
  },
  agent: {
    name: [255, "sources give 80 (seed docs) and 255 (late 2026)"],
    description: [800, "sources give 256, 500 (seed docs) and 800 (late 2026)"],
    /** What a destroy's "[removed by Pulumi]" marker is cut to: it must fit every deployment, so the strictest source. */
    removedDescription: [256, "the strictest of the sources above"],
    emoji: [16, SEED],
    instruction: [50_000, "sources give 16,384, 40,000 (seed docs) and 50,000 (late 2026)"],
    conversationStarter: [255, SEED],
    conversationStarters: [20, SEED],
    model: [64, OWN],
  },
  agentField: {
    slug: [64, AGENT_FIELD],
    label: [255, AGENT_FIELD],
    description: [512, AGENT_FIELD],
    option: [255, OWN],
    fileType: [100, OWN],
    emailDomain: [255, OWN],
  },
  /** skills.md (Langdock's OpenAPI `CreateSkillRequest` and `Skill`). */
  skill: { name: [64, SKILLS], slug: [100, SKILLS], description: [1024, SKILLS], instructions: [50_000, SKILLS] },
} as const satisfies Record<string, Record<string, Limit>>;

type Values<T> = { readonly [G in keyof T]: { readonly [K in keyof T[G]]: T[G][K] extends Limit ? T[G][K][0] : never } };

/** The values of LIMIT_TABLE, by group and property: `LIMITS.agent.name`. */
export const LIMITS = Object.fromEntries(
  Object.entries(LIMIT_TABLE).map(([group, limits]) => [
    group,
    Object.fromEntries(Object.entries(limits).map(([key, [value]]) => [key, value])),
  ]),
) as Values<typeof LIMIT_TABLE>;
