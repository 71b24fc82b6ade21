import type { Cooldown } from "../client/retry";
import type { LangdockClient } from "../client";
import type { ProviderSettings } from "../config";
import type { Holder } from "../common/claims";

/** Who holds an id (common/claims.ts): reserved at check, taken by a create or adoption, or held from the state. */
export interface Hold {
  holder: Holder;
  via: "reserved" | "taken" | "state";
}

/**
 * Everything the provider keeps for the life of its process, in one owned object. One `pulumi up`
 * runs one provider process, and these are the facts that must outlive a single resource operation:
 *
 * - `secrets`: every secret value seen (API key, OAuth client secrets), which `redact` masks;
 * - `claims`: per kind, who holds which id (common/claims.ts), so two resources never manage one object;
 * - `replacing`: the objects a diff decided to replace, by resource (a move carries what the program leaves unmanaged);
 * - `creates`: the creates in flight per group (common/uncertain.ts), so an uncertain create waits for its siblings;
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
  readonly claims: Map<string, Map<string, Hold>>;
  readonly creates: Map<string, Set<Promise<unknown>>>;
  readonly replacing: Map<string, { id: string; olds: Record<string, unknown> }>;
  cooldown: Cooldown | undefined;
  settings: ProviderSettings | undefined;
  client: LangdockClient | undefined;
  configurationError: Error | undefined;
  /** Forgets everything above, as a fresh provider process would start. */
  reset(): void;
}

export const processState: ProcessState = {
  secrets: new Set<string>(),
  claims: new Map<string, Map<string, Hold>>(),
  creates: new Map<string, Set<Promise<unknown>>>(),
  replacing: new Map<string, { id: string; olds: Record<string, unknown> }>(),
  cooldown: undefined,
  settings: undefined,
  client: undefined,
  configurationError: undefined,
  reset() {
    this.secrets.clear();
    this.claims.clear();
    this.creates.clear();
    this.replacing.clear();
    this.cooldown = undefined;
    this.settings = undefined;
    this.client = undefined;
    this.configurationError = undefined;
  },
};
