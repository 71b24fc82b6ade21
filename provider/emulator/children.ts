import { randomUUID } from "node:crypto";
import { conflict, notFound } from "./httpError";
import type { ChildInput, FieldInput } from "./validation";
import { fieldSlug } from "../common/slug";

/**
 * Actions and triggers are both "children" of an integration with the same lifecycle (create, replace,
 * delete, name uniqueness, slugs, input fields); a ChildKind captures the few ways they differ.
 */
export interface ChildKind {
  /** Envelope key of responses, e.g. `{ action }`. */
  noun: "action" | "trigger";
  title: "Action" | "Trigger";
  /** Wire name of the stored code. */
  codeKey: "code" | "pollingCode";
  /** Actions expose `order` and `requiresConfirmation`, and their input fields `contextActionId`. */
  isAction: boolean;
}

export const ACTION_KIND: ChildKind = { noun: "action", title: "Action", codeKey: "code", isAction: true };
export const TRIGGER_KIND: ChildKind = { noun: "trigger", title: "Trigger", codeKey: "pollingCode", isAction: false };

export interface InputFieldWire {
  slug: string;
  label: string;
  type: string;
  description: string;
  placeholder: string | null;
  required: boolean;
  order: number;
  options: { label: string; value: string }[] | null;
  allowMultiSelect: boolean | null;
  contextActionId?: string | null;
  /** Accepted on write, never returned (toWire leaves it out). */
  jsonSchema?: string | null;
}

export interface ChildRecord {
  id: string;
  integrationId: string;
  name: string;
  slug: string;
  description: string;
  code: string | null;
  requiresConfirmation: boolean;
  inputFields: InputFieldWire[];
  createdAt: string;
  updatedAt: string;
}

export { fieldSlug };

export const nowIso = (): string => new Date().toISOString();

/** "Get User Data" => "get_user_data"; diacritics are folded first so "Über" => "uber". */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return slug || fallback;
}

/** `base`, or `base_2`, `base_3` (with `separator` "": `base2`, …), whichever is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>, separator = "_"): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${separator}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** All actions (or all triggers) of all integrations, in creation order per integration. */
export class ChildCollection {
  private readonly byId = new Map<string, ChildRecord>();
  private readonly byIntegration = new Map<string, ChildRecord[]>();

  constructor(
    readonly kind: ChildKind,
    /** Called after a child is deleted (actions: detach it from agents). */
    private readonly onRemove: (id: string) => void = () => {},
  ) {}

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A child by id, anywhere; throws 404. */
  get(id: string): ChildRecord {
    const record = this.byId.get(id);
    if (!record) throw notFound(this.kind.title);
    return record;
  }

  /** A child of the given integration; a child of another integration is "not found" too. */
  getIn(integrationId: string, id: string): ChildRecord {
    const record = this.byId.get(id);
    if (!record || record.integrationId !== integrationId) throw notFound(this.kind.title);
    return record;
  }

  listFor(integrationId: string): ChildRecord[] {
    return this.byIntegration.get(integrationId) ?? [];
  }

  all(): ChildRecord[] {
    return [...this.byIntegration.values()].flat();
  }

  create(integrationId: string, input: ChildInput): ChildRecord {
    const siblings = this.listFor(integrationId);
    this.assertNameFree(siblings, input.name);
    const now = nowIso();
    const record: ChildRecord = {
      id: randomUUID(),
      integrationId,
      name: input.name,
      slug: uniqueSlug(slugify(input.name, this.kind.noun), new Set(siblings.map((s) => s.slug))),
      description: input.description ?? "",
      code: input.code ?? null,
      requiresConfirmation: input.requiresConfirmation ?? false,
      inputFields: this.buildFields(input.inputFields ?? []),
      createdAt: now,
      updatedAt: now,
    };
    this.byId.set(record.id, record);
    this.byIntegration.set(integrationId, [...siblings, record]);
    return record;
  }

  /** PUT: replace semantics, except that an omitted `code` is kept. */
  replace(integrationId: string, id: string, input: ChildInput): ChildRecord {
    const record = this.getIn(integrationId, id);
    return this.apply(record, {
      name: input.name,
      code: input.code,
      description: input.description ?? "",
      requiresConfirmation: input.requiresConfirmation ?? false,
      inputFields: input.inputFields ?? [],
    });
  }

  /** Out-of-band edit: merges the given fields. */
  edit(id: string, patch: Partial<ChildInput>): ChildRecord {
    return this.apply(this.get(id), patch);
  }

  remove(integrationId: string, id: string): ChildRecord {
    const record = this.getIn(integrationId, id);
    this.byId.delete(id);
    this.byIntegration.set(
      integrationId,
      this.listFor(integrationId).filter((s) => s.id !== id),
    );
    this.onRemove(id);
    return record;
  }

  removeAllOf(integrationId: string): void {
    for (const record of [...this.listFor(integrationId)]) this.remove(integrationId, record.id);
    this.byIntegration.delete(integrationId);
  }

  /** The object the action/trigger endpoints return (shares nested arrays with the record: serialise or clone it). */
  toWire(record: ChildRecord): Record<string, unknown> {
    const { isAction, codeKey } = this.kind;
    return {
      id: record.id,
      name: record.name,
      slug: record.slug,
      description: record.description,
      [codeKey]: record.code,
      ...(isAction && { order: this.orderOf(record), requiresConfirmation: record.requiresConfirmation }),
      inputFields: record.inputFields.map(({ jsonSchema: _writeOnly, ...field }) => field),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  /**
   * An action or trigger in the live GET /integrations/v1/{id} (late 2026): actions with code,
   * requiresConfirmation and their input fields in no particular order (here: reversed) with extra
   * fields; triggers without pollingCode and input fields. Both with extra labels to ignore.
   */
  toLive(record: ChildRecord): Record<string, unknown> {
    const labels = {
      nativeActionType: null,
      actionType: "CUSTOM",
      kind: this.kind.noun.toUpperCase(),
      status: "ACTIVE",
      statusLabel: "Active",
    };
    if (!this.kind.isAction) return { ...this.toSummary(record), ...labels };
    const fields = (this.toWire(record).inputFields as InputFieldWire[]).map((field) => ({ ...field, id: randomUUID(), hidden: false }));
    return { ...this.toWire(record), ...labels, inputFields: fields.reverse() };
  }

  /** The documented summary item of GET /integrations/v1/{id}. */
  toSummary(record: ChildRecord): Record<string, unknown> {
    return {
      id: record.id,
      name: record.name,
      slug: record.slug,
      description: record.description,
      ...(this.kind.isAction && { order: this.orderOf(record) }),
    };
  }

  private orderOf(record: ChildRecord): number {
    return this.listFor(record.integrationId).indexOf(record);
  }

  private apply(record: ChildRecord, patch: Partial<ChildInput>): ChildRecord {
    // Check before mutating so a 409 leaves the record untouched.
    if (patch.name !== undefined && patch.name !== record.name) {
      const others = this.listFor(record.integrationId).filter((s) => s !== record);
      this.assertNameFree(others, patch.name);
      record.slug = uniqueSlug(slugify(patch.name, this.kind.noun), new Set(others.map((s) => s.slug)));
      record.name = patch.name;
    }
    if (patch.description !== undefined) record.description = patch.description;
    if (patch.code !== undefined) record.code = patch.code;
    if (patch.requiresConfirmation !== undefined) record.requiresConfirmation = patch.requiresConfirmation;
    if (patch.inputFields !== undefined) record.inputFields = this.buildFields(patch.inputFields);
    record.updatedAt = nowIso();
    return record;
  }

  private assertNameFree(siblings: ChildRecord[], name: string): void {
    if (siblings.some((s) => s.name === name)) {
      const article = this.kind.isAction ? "An" : "A";
      throw conflict(`${article} ${this.kind.noun} with this name already exists in the integration`);
    }
  }

  /** Wire shape of input fields; slugs are regenerated from labels as Langdock does (camelCase, unique within the list). */
  private buildFields(inputs: FieldInput[]): InputFieldWire[] {
    const taken = new Set<string>();
    return inputs.map((input, order) => {
      const slug = uniqueSlug(fieldSlug(input.label), taken, "");
      taken.add(slug);
      return {
        slug,
        label: input.label,
        type: input.type,
        description: input.description ?? "",
        placeholder: input.placeholder ?? null,
        required: input.required,
        order,
        options: input.options ?? null,
        allowMultiSelect: input.allowMultiSelect ?? null,
        ...(this.kind.isAction && { contextActionId: input.contextActionId ?? null }),
        ...(input.jsonSchema != null && { jsonSchema: input.jsonSchema }),
      };
    });
  }
}
