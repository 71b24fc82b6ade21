import { LangdockError, type LangdockErrorCode } from "./langdockError";

/**
 * The object `adoptId` names (or the integration it belongs to) does not exist: a plan-time error at
 * Check (its `reason` is the Check failure, on property adoptId), the same message at create.
 */
export class AdoptionNotFoundError extends LangdockError {
  override readonly code: LangdockErrorCode = "adoption_not_found";
  constructor(
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`adoptId: ${reason}`, { cause });
  }

  /** A top-level object (integration, agent) that Langdock answered 404 for. */
  static object(noun: "integration" | "agent" | "skill", id: string, cause?: unknown): AdoptionNotFoundError {
    // Agents are visible only when shared with the key; integrations belong to the workspace.
    const visible = noun === "agent" ? " or is not shared with this API key" : "";
    return new AdoptionNotFoundError(
      `${noun} ${id} does not exist in this Langdock workspace${visible} (HTTP 404); check the id or remove adoptId to create a new ${noun}.`,
      cause,
    );
  }

  /** The integration an action or trigger would be adopted from does not exist. */
  static parent(noun: string, integrationId: string, cause?: unknown): AdoptionNotFoundError {
    return new AdoptionNotFoundError(
      `integration ${integrationId} (the ${noun}'s integrationId) does not exist in this Langdock workspace (HTTP 404); check integrationId and adoptId.`,
      cause,
    );
  }

  /** The integration exists but holds no action or trigger with that id. */
  static child(noun: string, id: string, integrationId: string): AdoptionNotFoundError {
    return new AdoptionNotFoundError(
      `${noun} ${id} does not exist in integration ${integrationId}; check the id in Langdock or remove adoptId to create a new ${noun}.`,
    );
  }
}
