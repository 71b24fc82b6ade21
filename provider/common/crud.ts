import type { LangdockClient } from "../client";
import { redact } from "./redact";
import { sanitize } from "./props";
import type { AdoptionPlan } from "./adoption";

export type Props = Record<string, unknown>;

/** What CRUD code gets from the runtime: the process's one client, and a way to tell the user things. */
export interface Context {
  client: LangdockClient;
  warn(message: string): void;
  /** Progress for the user (stderr, no "warning:" prefix); optional so older callers need not supply it. */
  log?(message: string): void;
}

/** The CRUD half of a resource; the check/diff half (`ResourceSchema`) lives apart so that plan-time loads no HTTP code. */
export interface ResourceCrud {
  create(ctx: Context, inputs: Props): Promise<{ id: string; outs: Props }>;
  read(ctx: Context, id: string, props: Props): Promise<{ id: string; props?: Props }>;
  update(ctx: Context, id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete(ctx: Context, id: string, props: Props): Promise<void>;
  /**
   * Reads the object `inputs.adoptId` names and what taking it over changes (throws AdoptionNotFoundError).
   * Absent for kinds that cannot take over an existing object (files are uploaded, never adopted).
   */
  adopt?(ctx: Context, inputs: Props): Promise<AdoptionPlan>;
  /** What the user calls this resource in messages ("agent", "integration"). */
  noun: string;
}

/** The CRUD of a kind with `adoptId`. */
export type AdoptableCrud = ResourceCrud & Required<Pick<ResourceCrud, "adopt">>;

/**
 * Thrown when a create or update failed after something changed in Langdock. The host forwards
 * `id`, `properties` and `reasons` to the engine, which keeps them as the resource's state, so the
 * next `pulumi up` repairs the object instead of creating another.
 */
export class PartialStateError extends Error {
  override name = "PartialStateError";
  readonly properties: Props;
  readonly reasons: string[];
  constructor(
    readonly id: string,
    properties: Props,
    cause: unknown,
  ) {
    const message = redact(cause instanceof Error ? cause.message : String(cause));
    super(message);
    this.properties = sanitize(properties);
    this.reasons = [message];
  }
}

/** Result of `read` for an object that no longer exists: the engine drops it from the state. */
export const GONE = { id: "" } as const;
