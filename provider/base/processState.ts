import type { Cooldown } from "../client/retry";
import type { LangdockClient } from "../client";
import type { ProviderSettings } from "../config";

/**
 * Everything the provider keeps for the life of its process, in one owned object. One `pulumi up`
 * runs one provider process, and these are the facts that must outlive a single resource operation:
 *
 * - `secrets`: every secret value seen (API key, OAuth client secrets), which `redact` masks;
 * - `claims`: ids created or adopted per kind, so two resources never manage one object;
 * - `cooldown`: the rate-limit pause every client of the process honours (created on first use);
 * - `settings`, `client`: what `configure` resolved and the one client built from it (the client owns
 *   its in-flight read coalescing, so that goes with it);
 * - `configurationError`: a failed configure, remembered so that no later operation falls back to
 *   whatever workspace LANGDOCK_* in the environment names.
 *
 * Types only are imported: this module sits at the bottom and loads nothing. Tests call `reset()`.
 */
export interface ProcessState {
  readonly secrets: Set<string>;
  readonly claims: Map<string, Set<string>>;
  cooldown: Cooldown | undefined;
  settings: ProviderSettings | undefined;
  client: LangdockClient | undefined;
  configurationError: Error | undefined;
  /** Forgets everything above, as a fresh provider process would start. */
  reset(): void;
}

export const processState: ProcessState = {
  secrets: new Set<string>(),
  claims: new Map<string, Set<string>>(),
  cooldown: undefined,
  settings: undefined,
  client: undefined,
  configurationError: undefined,
  reset() {
    this.secrets.clear();
    this.claims.clear();
    this.cooldown = undefined;
    this.settings = undefined;
    this.client = undefined;
    this.configurationError = undefined;
  },
};
