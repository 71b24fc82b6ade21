import type { SkillArgs, Skill } from "../../provider";
import type { SkillInputsSchema } from "../../provider/skill/schema";
import type { SKILL_PROPERTIES } from "../../provider/skill/properties";
import type { SkillOutputs } from "../../provider/skill/wire";
import type { CreateSkillRequest, UpdateSkillRequest } from "../../provider/client/requests";
import type { createSkillBody, updateSkillBody } from "../../provider/emulator/skills";
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { Parity } from "./parity";

/**
 * The Skill's four parities in one place (the other kinds' are in parity.test.ts, tableParity.ts,
 * requestParity.ts and outputParity.ts): Args ↔ zod inputs, table ↔ request, request ↔ the emulator's
 * transcription of the API, outputs ↔ class.
 */
export const args: Parity<SkillArgs, typeof SkillInputsSchema> = true;

type Sent<R> = { [K in keyof R]: R[K] extends { notSent: true } ? never : K }[keyof R];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Widen<V> = V extends readonly [] ? never[] : V;
type ClearedFit<R, Request> = {
  [K in keyof R & keyof Request]-?: R[K] extends { cleared: infer V } ? ([Widen<V>] extends [Request[K]] ? true : false) : true;
}[keyof R & keyof Request];
export const table: Same<Sent<typeof SKILL_PROPERTIES>, keyof UpdateSkillRequest> = true;
export const tableCreate: Same<Sent<typeof SKILL_PROPERTIES>, keyof CreateSkillRequest> = true;
export const cleared: ClearedFit<typeof SKILL_PROPERTIES, UpdateSkillRequest> = true;

/** Every field of the request exists in the emulator's schema with a type it accepts, and no more. */
type Fits<Request, Schema extends z.ZodType> = [Exclude<keyof Request, keyof z.input<Schema>>] extends [never]
  ? [Request] extends [z.input<Schema>]
    ? true
    : false
  : false;
export const create: Fits<CreateSkillRequest, typeof createSkillBody> = true;
export const update: Fits<UpdateSkillRequest, typeof updateSkillBody> = true;

type Declared<C> = Exclude<{ [K in keyof C]-?: C[K] extends pulumi.Output<unknown> ? K : never }[keyof C], "id" | "urn">;
export const outputs: Same<Declared<Skill>, Exclude<keyof SkillOutputs, "adoptId" | "unmanaged">> = true;

// Each of these must NOT compile:
// @ts-expect-error a property the schema does not know
export const extraArg: Parity<SkillArgs & { emoji?: pulumi.Input<string> }, typeof SkillInputsSchema> = true;
// @ts-expect-error a request field the API reference does not have
export const extraField: Fits<CreateSkillRequest & { emoji?: string }, typeof createSkillBody> = true;
// @ts-expect-error a table without a line the request has
export const missingLine: Same<Exclude<Sent<typeof SKILL_PROPERTIES>, "slug">, keyof UpdateSkillRequest> = true;
