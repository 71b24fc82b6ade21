import { randomUUID } from "node:crypto";
import { AgentStore, type ModelSettings } from "./agents";
import { ACTION_KIND, ChildCollection, type ChildRecord, type InputFieldWire, nowIso, TRIGGER_KIND } from "./children";
import { notFound } from "./httpError";
import { KnowledgeStore } from "./knowledge";
import { SkillStore } from "./skills";
import type { AuthType } from "../base/enums";
import { INTEGRATION_SECRET_INPUTS } from "../integration/spec";
import type { AuthFieldInput, CreateIntegrationInput, IntegrationPatch, OAuthClientInput } from "./validation";

export type IntegrationDetail = "live" | "full" | "summary";

/** An uploaded icon: what the request log shows of a file, never its bytes. */
export interface IconRecord {
  url: string;
  type: string;
  size: number;
  sha256: string;
}

/** An auth field in responses: an input field's first six properties. */
type AuthFieldWire = Pick<InputFieldWire, "slug" | "label" | "type" | "description" | "placeholder" | "required">;

interface IntegrationRecord {
  id: string;
  name: string;
  description: string | null;
  iconUrl: string | null;
  color: string | null;
  authType: AuthType;
  authTestCode: string | null;
  authFields: AuthFieldWire[];
  /** Stored with clientSecret; responses strip it. */
  oauthClient: OAuthClientInput | null;
  /** Uploaded with PUT …/icon; GET …/icon shows its URL (or iconUrl when none was uploaded). */
  icon: IconRecord | null;
  createdAt: string;
  updatedAt: string;
}

/** Fields an IntegrationPatch sets as-is (null clears). */
const SCALAR_FIELDS = ["name", "description", "iconUrl", "color", "authType", "authTestCode"] as const;

/** The whole in-memory workspace: integrations with their actions and triggers, and agents. */
export class EmulatorStore {
  private readonly integrations = new Map<string, IntegrationRecord>();
  readonly actions: ChildCollection;
  readonly triggers: ChildCollection;
  readonly agents: AgentStore;
  readonly knowledge: KnowledgeStore;
  readonly skills = new SkillStore((id) => this.integrations.has(id));

  constructor(
    models: ModelSettings,
    private readonly detail: IntegrationDetail,
    knowledge: { stageMs: number; replaceGivesNewId: boolean } = { stageMs: 50, replaceGivesNewId: false },
  ) {
    this.knowledge = new KnowledgeStore(knowledge.stageMs, knowledge.replaceGivesNewId);
    this.actions = new ChildCollection(ACTION_KIND, (id) => this.agents.detachAction(id));
    this.triggers = new ChildCollection(TRIGGER_KIND);
    this.agents = new AgentStore(models, (id) => this.actions.has(id));
  }

  createIntegration(input: CreateIntegrationInput): IntegrationRecord {
    const now = nowIso();
    const record: IntegrationRecord = {
      id: randomUUID(),
      name: input.name,
      description: input.description ?? null,
      iconUrl: null,
      color: null,
      authType: "NONE",
      authTestCode: null,
      authFields: [],
      oauthClient: null,
      icon: null,
      createdAt: now,
      updatedAt: now,
    };
    this.integrations.set(record.id, record);
    return record;
  }

  getIntegration(id: string): IntegrationRecord {
    const record = this.integrations.get(id);
    if (!record) throw notFound("Integration");
    return record;
  }

  /** Applies the given fields; used by both PATCH endpoints and by out-of-band edits. */
  updateIntegration(id: string, patch: IntegrationPatch): IntegrationRecord {
    const record = this.getIntegration(id);
    const target = record as unknown as Record<string, unknown>;
    for (const key of SCALAR_FIELDS) {
      if (patch[key] !== undefined) target[key] = patch[key];
    }
    if (patch.authFields !== undefined) record.authFields = patch.authFields.map(toAuthFieldWire);
    if (patch.oauthClient !== undefined) record.oauthClient = mergeOAuthClient(record.oauthClient, patch.oauthClient);
    record.updatedAt = nowIso();
    return record;
  }

  /** Langdock's API cannot delete integrations; the UI can, and takes actions and triggers with it. */
  deleteIntegration(id: string): void {
    this.getIntegration(id);
    this.actions.removeAllOf(id);
    this.triggers.removeAllOf(id);
    this.integrations.delete(id);
  }

  /** Item of GET /integrations/v1/get (late 2026: with authType, buildByLangdock and the actions' names). */
  integrationSummaries(): Record<string, unknown>[] {
    return [...this.integrations.values()].map((r) => {
      const { authTestCode: _code, authFields: _fields, oauthClient: _oauth, ...summary } = this.storedIntegration(r);
      const actions = this.actions.listFor(r.id).map((a) => ({ id: a.id, name: a.name, description: a.description }));
      return { ...summary, buildByLangdock: false, actions };
    });
  }

  /** Langdock's own integrations, as the list shows them (EmulatorOptions.catalogIntegrations). */
  readonly catalog: Record<string, unknown>[] = [];

  /** `PUT /integrations/v1/{id}/icon`. */
  setIcon(id: string, icon: Omit<IconRecord, "url">): IconRecord {
    const record = this.getIntegration(id);
    const extension = icon.type.split("/")[1] ?? "png";
    record.icon = { ...icon, url: `https://app.langdock.com/api/public/icons/${id}/${icon.sha256.slice(0, 16)}.${extension}` };
    record.updatedAt = nowIso();
    return record.icon;
  }

  /** `GET /integrations/v1/{id}/icon`: the uploaded icon's URL, else the iconUrl set by PATCH. */
  iconUrlOf(id: string): string | null {
    const record = this.getIntegration(id);
    return record.icon?.url ?? record.iconUrl;
  }

  /** Response of POST /integrations/v1/create. */
  createdIntegrationWire(r: IntegrationRecord): Record<string, unknown> {
    return { id: r.id, name: r.name, description: r.description, createdAt: r.createdAt };
  }

  /** Response of GET and PATCH /integrations/v1/{id}. */
  integrationWire(record: IntegrationRecord): Record<string, unknown> {
    const shape = (collection: ChildCollection, child: ChildRecord) =>
      this.detail === "live" ? collection.toLive(child) : this.detail === "full" ? collection.toWire(child) : collection.toSummary(child);
    const children = (collection: ChildCollection) => collection.listFor(record.id).map((child) => shape(collection, child));
    return {
      ...this.storedIntegration(record),
      oauthClient: withoutSecret(record.oauthClient),
      actions: children(this.actions),
      triggers: children(this.triggers),
    };
  }

  /** Shares nested objects with the records: the caller clones it. */
  snapshot(): { integrations: unknown[]; actions: unknown[]; triggers: unknown[]; agents: unknown[]; skills: unknown[] } & ReturnType<
    KnowledgeStore["snapshot"]
  > {
    const children = (collection: ChildCollection) =>
      collection.all().map((child: ChildRecord) => ({
        ...collection.toWire(child),
        integrationId: child.integrationId,
      }));
    return {
      integrations: [...this.integrations.values()].map((r) => ({ ...this.storedIntegration(r), icon: r.icon })),
      actions: children(this.actions),
      triggers: children(this.triggers),
      agents: this.agents.snapshot(),
      ...this.knowledge.snapshot(),
      skills: this.skills.snapshot(),
    };
  }

  private storedIntegration(r: IntegrationRecord): Record<string, unknown> {
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      iconUrl: r.iconUrl,
      color: r.color,
      authType: r.authType,
      authTestCode: r.authTestCode,
      authFields: r.authFields,
      oauthClient: r.oauthClient,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }
}

function toAuthFieldWire(field: AuthFieldInput): AuthFieldWire {
  return {
    slug: field.slug,
    label: field.label,
    type: field.type,
    description: field.description ?? "",
    placeholder: field.placeholder ?? null,
    required: field.required,
  };
}

/**
 * The OAuth client's write-only fields, as the integration declares its secret inputs (integration/spec.ts):
 * Langdock never returns them, so clients cannot echo them back. tests/emulator/integrations.test.ts checks
 * the behaviour with the field named literally, so a wrong declaration cannot hide there.
 */
const WRITE_ONLY_OAUTH = INTEGRATION_SECRET_INPUTS.filter((p) => p.startsWith("oauthClient.")).map((p) => p.slice("oauthClient.".length));

/** An omitted write-only field keeps the stored one. */
function mergeOAuthClient(stored: OAuthClientInput | null, next: OAuthClientInput | null): OAuthClientInput | null {
  if (next === null) return null;
  const kept = WRITE_ONLY_OAUTH.flatMap((k) => {
    const value = next[k as keyof OAuthClientInput] ?? stored?.[k as keyof OAuthClientInput];
    return value === undefined ? [] : [[k, value]];
  });
  return { ...next, ...Object.fromEntries(kept) };
}

function withoutSecret(client: OAuthClientInput | null): Partial<OAuthClientInput> | null {
  if (!client) return null;
  return Object.fromEntries(Object.entries(client).filter(([k]) => !WRITE_ONLY_OAUTH.includes(k)));
}
