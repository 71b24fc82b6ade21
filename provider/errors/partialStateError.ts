import { sanitize } from "../base/props";
import { LangdockError, type LangdockErrorCode } from "./langdockError";

type Props = Record<string, unknown>;

/**
 * Thrown when a create or update failed after something changed in Langdock. The host forwards
 * `id`, `properties` and `reasons` to the engine, which keeps them as the resource's state, so the
 * next `pulumi up` repairs the object instead of creating another. The failure itself is the `cause`.
 */
export class PartialStateError extends LangdockError {
  override readonly code: LangdockErrorCode = "partial_state";
  readonly properties: Props;
  readonly reasons: string[];
  constructor(
    readonly id: string,
    properties: Props,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.properties = sanitize(properties);
    this.reasons = [this.message];
  }
}
