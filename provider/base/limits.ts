/**
 * Every length limit the provider enforces, in UTF-16 code units (JavaScript `.length`, as Langdock
 * counts), written once. Values are Langdock's documented limits (docs/langdock-api.md); where it states
 * none (OAuth client, icon URL, color, model, agent input fields, select options, Langdock's own input
 * field slug) the number is the provider's own bound. Schemas, codeFromFile and the removal markers read them here;
 * the emulator deliberately keeps its own transcription (see docs/ARCHITECTURE.md, "Limits").
 */
export const LIMITS = {
  integration: { name: 40, description: 90, iconUrl: 2000, color: 7, authTestCode: 1000 },
  authField: { slug: 100, label: 100, description: 500, placeholder: 200 },
  oauthClient: { clientId: 1000, clientSecret: 1000, url: 2000, scopes: 2000, label: 100, code: 40_000 },
  action: { name: 100, description: 1000, code: 40_000 },
  trigger: { name: 100, description: 90, pollingCode: 1000 },
  /** Input fields of actions and triggers. */
  inputField: { label: 100, description: 500, placeholder: 200, slug: 100, optionLabel: 100, optionValue: 200 },
  agent: { name: 80, description: 500, emoji: 16, instruction: 40_000, conversationStarter: 255, conversationStarters: 20, model: 64 },
  agentField: { slug: 100, label: 100, description: 500, option: 255, fileType: 100 },
  /** skills.md (Langdock's OpenAPI `CreateSkillRequest` and `Skill`). */
  skill: { name: 64, slug: 100, description: 1024, instructions: 50_000 },
} as const;
