import { ConflictError, CreateAnswerUnusableError, UnusableResponseError, isOutcomeUnknown } from "../errors";
import { diffInputs, inputKeys, type ResourceSchema } from "./schema";
import { PartialStateError, type Props } from "./crud";

/**
 * The one model of a create's outcome, shared by every resource:
 *
 * - done: a 2xx with a usable object (its id is taken for the resource: common/claims.ts);
 * - not done: 429, 503, or a connection refused before sending; the client has already retried those,
 *   so one that reaches a resource is an ordinary failure (nothing was created);
 * - uncertain: a dropped connection, a timeout, 500/502/504, or a 2xx without a usable body. The object
 *   may exist. If the answer carried its id, the id is kept as partial state; otherwise the resource
 *   looks with a FRESH read and adopts only an object whose every declared input it can verify.
 * - conflict: a 409 (the name is taken). The object pre-existed; it is adopted only when verifiably
 *   identical, and never overwritten.
 */
export type CreateOutcome<W> =
  { kind: "done"; wire: W } | { kind: "uncertain"; error: Error; id?: string } | { kind: "conflict"; error: Error };

export async function attemptCreate<W>(send: () => Promise<W>): Promise<CreateOutcome<W>> {
  try {
    return { kind: "done", wire: await send() };
  } catch (err) {
    if (err instanceof ConflictError) return { kind: "conflict", error: err };
    if (isOutcomeUnknown(err))
      return { kind: "uncertain", error: err as Error, id: err instanceof UnusableResponseError ? err.salvagedId : undefined };
    throw err;
  }
}

/** Whether an object read back from Langdock is what the program declares. */
export type Verdict = "equal" | "differs" | "unverifiable";

/**
 * Compares the outputs of a found object (built WITHOUT falling back to the inputs) with the checked
 * inputs. Every declared input must be present in what Langdock returned: a summary read (no code,
 * no input fields) cannot prove that an object is the program's, so it is "unverifiable".
 */
export function verify(schema: ResourceSchema, found: Props, inputs: Props, ignore: readonly string[] = []): Verdict {
  const declared = inputKeys(schema).filter((k) => k !== "adoptId" && !ignore.includes(k) && inputs[k] !== undefined);
  const missing = declared.filter((k) => found[k] === undefined && !deepAbsent(schema, k, inputs[k]));
  const { diffs } = diffInputs(schema, found, inputs);
  const differing = diffs.filter((k) => k !== "adoptId" && !ignore.includes(k) && !missing.includes(k));
  if (differing.length > 0) return "differs";
  return missing.length > 0 ? "unverifiable" : "equal";
}

/** A declared value equal to "nothing" (e.g. an empty description) is verified by the field's absence. */
function deepAbsent(schema: ResourceSchema, key: string, value: unknown): boolean {
  const norm = schema.comparable[key];
  return norm !== undefined && JSON.stringify(norm(value)) === JSON.stringify(norm(undefined)) && typeof value !== "boolean";
}

/** The fields of a found object that differ from the program (for messages). */
export function differingFields(schema: ResourceSchema, found: Props, inputs: Props, ignore: readonly string[] = []): string[] {
  return diffInputs(schema, found, inputs).diffs.filter((k) => k !== "adoptId" && !ignore.includes(k) && found[k] !== undefined);
}

/**
 * An uncertain create whose answer carried the id: the object exists, so the id is kept as partial
 * state (the next `pulumi up` compares it with the program) instead of being lost and created again.
 */
export function keepKnownId(noun: string, name: unknown, id: string, properties: Props, cause: Error): PartialStateError {
  return new PartialStateError(id, properties, new CreateAnswerUnusableError(noun, String(name), id, cause));
}
