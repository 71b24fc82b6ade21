import type { ResourceSpec } from "../common/spec";

/** What an Action or a Trigger declares besides a resource's spec, for the CRUD they share (child/crud.ts). */
export interface ChildResourceSpec<I> extends ResourceSpec<I> {
  noun: "action" | "trigger";
  /** The code property, which a PUT keeps when it is omitted (every other property is replaced). */
  keptWhenOmitted: keyof I & string;
  /** What a summary read (the documented GET) lacks, for messages: e.g. "code and input fields". */
  verifiedOnlyInFull: string;
}
