import type { LangdockClient } from "../client";
import { NotFoundError } from "../errors";
import type { AdoptionPlan } from "./adoption";

export type Props = Record<string, unknown>;
/**
 * The outputs a kind's wire module writes (`XxxOutputs`): every key, each listed where the outputs are built
 * (a missing or misspelled key is a compile error, and tests/types/outputParity checks the keys against the
 * class's declared outputs). Values stay `unknown`: what is carried from the state arrives as any earlier
 * version stored it, and the comparable forms read it as such.
 */
export type Outputs<K extends string> = Record<K, unknown>;
/** Inputs that name an object to take over. */
export type Adopting<I> = I & { adoptId: string };

/** What CRUD code gets from the runtime: the process's one client, and a way to tell the user things. */
export interface Context {
  client: LangdockClient;
  warn(message: string): void;
  /** Progress for the user (stderr, no "warning:" prefix); optional so older callers need not supply it. */
  log?(message: string): void;
}

/**
 * The CRUD half of a resource; the check/diff half (`ResourceSchema`) lives apart so that plan-time loads no
 * HTTP code. `I`: the checked inputs (`XxxInputs`: create, update and adopt run after check). Stored outputs
 * stay `Props`: state written by any earlier version arrives as it was stored.
 */
export interface ResourceCrud<I extends Props = Props> {
  create(ctx: Context, inputs: I): Promise<{ id: string; outs: Props }>;
  read(ctx: Context, id: string, props: Props): Promise<{ id: string; props?: Props }>;
  update(ctx: Context, id: string, olds: Props, news: I): Promise<{ outs: Props }>;
  delete(ctx: Context, id: string, props: Props): Promise<void>;
  /**
   * Reads the object `inputs.adoptId` names and what taking it over changes (throws AdoptionNotFoundError).
   * Absent for kinds that cannot take over an existing object (files are uploaded, never adopted).
   */
  adopt?(ctx: Context, inputs: Adopting<I>): Promise<AdoptionPlan>;
  /** What the user calls this resource in messages ("agent", "integration"). */
  noun: string;
}

/** The CRUD of a kind with `adoptId`. */
export type AdoptableCrud<I extends Props = Props> = ResourceCrud<I> & Required<Pick<ResourceCrud<I>, "adopt">>;

export { PartialStateError } from "../errors";

/** Result of `read` for an object that no longer exists: the engine drops it from the state. */
export const GONE = { id: "" } as const;

/**
 * 404 → gone, written once. By the time an error reaches a resource, a 404 is Langdock's own JSON
 * answer about the object (the client turns any other 404 into a BaseUrlError), so it means the
 * object no longer exists: `undefined`. Every other error is rethrown.
 */
export async function unlessGone<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

/** Like unlessGone for a call whose 404 has its own meaning (e.g. adoptId naming nothing): `gone` builds the error. */
export async function orIfGone<T>(call: Promise<T>, gone: (notFound: NotFoundError) => Error): Promise<T> {
  try {
    return await call;
  } catch (err) {
    throw err instanceof NotFoundError ? gone(err) : err;
  }
}
