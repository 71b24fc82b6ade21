/**
 * pulumi-langdock: Langdock integrations, actions, triggers and agents as Pulumi resources.
 * Configure with `langdock:apiKey` (secret) and optionally `langdock:baseUrl`.
 */
export * from "./resources";
