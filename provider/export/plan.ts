import type { ActionWire, AgentWire, IntegrationWire, TriggerWire } from "../client";
import { actionOutputs } from "../action/wire";
import { ACTION_UNMANAGED, actionSchema } from "../action/schema";
import { agentOutputs } from "../agent/wire";
import { agentSchema } from "../agent/schema";
import { compileFunctionBody } from "../code";
import { deepEqual } from "../base/props";
import { REMOVED_MARKER } from "../common/removed";
import { fieldSlug } from "../common/slug";
import { inputsFromOutputs, type ResourceSchema } from "../common/schema";
import { integrationOutputs } from "../integration/wire";
import { integrationSchema } from "../integration/schema";
import { triggerOutputs } from "../trigger/wire";
import { skillOutputs } from "../skill/wire";
import { skillSchema } from "../skill/schema";
import { TRIGGER_UNMANAGED, triggerSchema } from "../trigger/schema";
import { Names } from "./names";
import { count, type Workspace } from "./read";

type Props = Record<string, unknown>;

/** A TypeScript expression in the written program (a reference, a config read), with an optional comment. */
export class Expr {
  constructor(
    readonly code: string,
    readonly comment?: string,
  ) {}
}

export type Kind = "Integration" | "Action" | "Trigger" | "Agent" | "Skill";

export interface Declaration {
  kind: Kind;
  resource: string;
  variable: string;
  /** The id `pulumi import` takes for it with the native plugin (`<integrationId>/<actionId>` for a child). */
  importId: string;
  /** Comment lines written above the declaration. */
  comments: string[];
  args: Props;
}

export interface ExportPlan {
  declarations: Declaration[];
  /** Code files, relative to the project folder. */
  files: { path: string; content: string }[];
  /** Pulumi config secrets the program needs (`pulumi config set --secret <key> …`). */
  secrets: { key: string; what: string }[];
  /** What the export could not read or should tell the user, one sentence each. */
  notes: string[];
  summary: string;
}

const FIELD_LABEL: Record<string, string> = {
  code: "code",
  pollingCode: "polling code",
  inputFields: "input fields",
  requiresConfirmation: "requiresConfirmation",
};

/** Turns what Langdock answered into declarations a person would write: adoptId, current values, no defaults. */
export function planExport(workspace: Workspace): ExportPlan {
  const names = new Names();
  const plan: ExportPlan = { declarations: [], files: [], secrets: [], notes: [], summary: "" };
  const declaredActions = new Map<string, string>();
  const exportedActions = new Set(workspace.integrations.flatMap((i) => (i.actions ?? []).map((a) => a.id)));
  const actionRef = (id: unknown, where: string) =>
    declaredActions.has(String(id))
      ? new Expr(`${declaredActions.get(String(id))}.id`)
      : new Expr(
          JSON.stringify(id),
          exportedActions.has(String(id))
            ? `action declared further down (${where} keeps its literal id)`
            : "action not part of this export: its id stays literal",
        );

  let actions = 0;
  let triggers = 0;
  const declaredIntegrations = new Map<string, string>();
  for (const integration of byName(workspace.integrations)) {
    const { resource, variable } = names.take(integration.name, "integration");
    declaredIntegrations.set(integration.id, variable);
    const args = integrationArgs(integration, variable, plan);
    plan.declarations.push({ kind: "Integration", resource, variable, importId: integration.id, comments: commentsFor(args), args });

    for (const action of [...(integration.actions ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0))) {
      const names_ = names.take(action.name, "action");
      const inputs = childArgs(actionSchema, actionOutputs(action, integration.id, {}), action, ACTION_UNMANAGED, variable);
      const fields = inputs.inputFields as Props[] | undefined;
      fields?.forEach((f) => {
        if (f.contextActionId !== undefined) f.contextActionId = actionRef(f.contextActionId, "contextActionId");
      });
      withCodeFile(inputs, "code", `actions/${names_.resource}.js`, "action", plan);
      plan.declarations.push({
        kind: "Action",
        ...names_,
        importId: `${integration.id}/${action.id}`,
        comments: gapComments("action", action.name, integration.name, inputs, plan),
        args: inputs,
      });
      declaredActions.set(action.id, names_.variable);
      actions++;
    }
    for (const trigger of byName(integration.triggers ?? [])) {
      const names_ = names.take(trigger.name, "trigger");
      const inputs = childArgs(triggerSchema, triggerOutputs(trigger, integration.id, {}), trigger, TRIGGER_UNMANAGED, variable);
      withCodeFile(inputs, "pollingCode", `triggers/${names_.resource}.js`, "trigger", plan);
      plan.declarations.push({
        kind: "Trigger",
        ...names_,
        importId: `${integration.id}/${trigger.id}`,
        comments: gapComments("trigger", trigger.name, integration.name, inputs, plan),
        args: inputs,
      });
      triggers++;
    }
  }

  for (const agent of byName(workspace.agents)) {
    const { resource, variable } = names.take(agent.name, "agent");
    const args = agentArgs(agent);
    const list = args.actions as Props[] | undefined;
    list?.forEach((a) => (a.actionId = actionRef(a.actionId, "actions")));
    const comments: string[] = [];
    const fields = (args.inputFields as Props[] | undefined) ?? [];
    if (fields.some((f) => f.slug === undefined)) {
      // Langdock's GET omits input fields' slug, options and fileTypes (late 2026): the slug is derived from the label.
      args.inputFields = fields.map(({ slug, ...field }) => ({ slug: slug ?? fieldSlug(String(field.label)), ...field }));
      const note = `agent ${JSON.stringify(agent.name)}: Langdock does not return its input fields' slugs, options and file types, so the slugs are derived from the labels and the others left out; check them against Langdock's web app before changing inputFields, which replaces them all.`;
      plan.notes.push(note);
      comments.push(note);
    }
    if (agent.disabled) {
      const note = `agent ${JSON.stringify(agent.name)} is disabled in Langdock; the first pulumi up enables it (Pulumi manages agents as enabled).`;
      plan.notes.push(note);
      comments.push(note);
    }
    plan.declarations.push({ kind: "Agent", resource, variable, importId: agent.id, comments, args });
  }
  for (const skill of byName(workspace.skills ?? [])) {
    const { resource, variable } = names.take(skill.name, "skill");
    // The slug is the skill's identity in Langdock: the program states it, so it never changes by accident.
    const args: Props = { adoptId: skill.id, ...programInputs(skillSchema, skillOutputs(skill, {})) };
    const ids = args.integrationIds as string[] | undefined;
    if (ids) {
      args.integrationIds = ids.map((id) =>
        declaredIntegrations.has(id)
          ? new Expr(`${declaredIntegrations.get(id)}.id`)
          : new Expr(JSON.stringify(id), "integration not part of this export: its id stays literal"),
      );
    }
    plan.declarations.push({ kind: "Skill", resource, variable, importId: skill.id, comments: [], args });
  }
  for (const { id, name } of workspace.removed ?? []) {
    plan.notes.push(
      `integration ${JSON.stringify(name)} (${id}) is not exported: its description starts with "${REMOVED_MARKER}", so an earlier pulumi destroy left it in Langdock (which cannot delete integrations); pass --integration ${id} to export it anyway.`,
    );
  }
  plan.summary = [
    count(workspace.integrations.length, "integration"),
    count(actions, "action"),
    count(triggers, "trigger"),
    count(workspace.agents.length, "agent"),
    ...(workspace.skills?.length ? [count(workspace.skills.length, "skill")] : []),
  ].join(", ");
  return plan;
}

function byName<T extends { name: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function integrationArgs(wire: IntegrationWire, variable: string, plan: ExportPlan): Props {
  const args = programInputs(integrationSchema, integrationOutputs(wire, {}), {
    authFields: (f) => omitWhere(f, { required: false }),
  });
  const oauth = args.oauthClient as Props | undefined;
  if (oauth) {
    if (Array.isArray(oauth.scopes)) oauth.scopes = oauth.scopes.join(" ");
    const key = `${variable}ClientSecret`;
    // Write-only in Langdock: read from the stack's config, and never a reason to write (unmanaged).
    const secret = new Expr(`config.requireSecret(${JSON.stringify(key)})`);
    const ordered = OAUTH_KEYS.filter((k) => oauth[k] !== undefined).map((k) => [k, oauth[k]]);
    args.oauthClient = { clientId: oauth.clientId, clientSecret: secret, ...Object.fromEntries(ordered) };
    args.unmanaged = ["oauthClient.clientSecret"];
    plan.secrets.push({ key, what: `the OAuth client secret of integration ${JSON.stringify(wire.name)}` });
    plan.notes.push(
      `integration ${JSON.stringify(wire.name)}: Langdock never returns the OAuth client secret; the program reads it from Pulumi config (${key}) and leaves Langdock's as it is (unmanaged).`,
    );
  }
  return { adoptId: wire.id, ...args };
}

/** The order of OAuthClientArgs after clientId and clientSecret. */
const OAUTH_KEYS = ["authUrl", "tokenUrl", "scopes", "label", "authorizationCode", "accessTokenCode", "refreshTokenCode"];

function commentsFor(args: Props): string[] {
  return args.unmanaged
    ? ["The OAuth client secret is write-only in Langdock: it comes from Pulumi config and is sent only with another auth change."]
    : [];
}

/** An action's or trigger's inputs; what Langdock's answer left out becomes `unmanaged`. */
function childArgs(
  schema: ResourceSchema,
  outputs: Props,
  wire: ActionWire | TriggerWire,
  unreadable: readonly string[],
  integrationVariable: string,
): Props {
  const missing = unreadable.filter((key) => (wire as Props)[key] === undefined);
  const inputs = programInputs(schema, outputs, {
    inputFields: (f) => omitWhere(f, { type: "TEXT", required: false, allowMultiSelect: false }),
  });
  for (const key of missing) delete inputs[key];
  const { integrationId: _literal, ...rest } = inputs;
  return {
    adoptId: wire.id,
    integrationId: new Expr(`${integrationVariable}.id`),
    ...rest,
    ...(missing.length > 0 ? { unmanaged: missing } : {}),
  };
}

function gapComments(noun: string, name: string, integration: string, inputs: Props, plan: ExportPlan): string[] {
  const missing = inputs.unmanaged as string[] | undefined;
  if (!missing) return [];
  const labels = missing.map((k) => FIELD_LABEL[k] ?? k);
  const what = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}` : labels.join("");
  plan.notes.push(
    `${noun} ${JSON.stringify(name)} of integration ${JSON.stringify(integration)}: Langdock's answer has no ${what} (the documented summary); the program leaves them as they are in Langdock (unmanaged).`,
  );
  return [`Langdock's answer did not include this ${noun}'s ${what}: they stay as they are in Langdock (unmanaged).`];
}

/** Moves code into its own file, read back with codeFromFile. */
function withCodeFile(inputs: Props, key: "code" | "pollingCode", file: string, kind: "action" | "trigger", plan: ExportPlan): void {
  const code = inputs[key];
  if (typeof code !== "string") return;
  plan.files.push({ path: file, content: code.endsWith("\n") ? code : `${code}\n` });
  const options: string[] = kind === "trigger" ? ['kind: "trigger"'] : [];
  try {
    compileFunctionBody(code, file);
  } catch (err) {
    options.push("checkSyntax: false");
    plan.notes.push(
      `${file} is not valid JavaScript in Langdock either (${(err as Error).message}); it is exported as it is, without the syntax check.`,
    );
  }
  inputs[key] = new Expr(`codeFromFile(${JSON.stringify(file)}${options.length ? `, { ${options.join(", ")} }` : ""})`);
}

function agentArgs(wire: AgentWire): Props {
  const args = programInputs(agentSchema, agentOutputs(wire, {}), {
    actions: (a) => omitWhere(a, { requiresConfirmation: true }),
    inputFields: (f, i) => omitWhere(f, { required: false, order: i }),
  });
  return { adoptId: wire.id, ...args };
}

/** The inputs a program would state for these outputs, with every value equal to Langdock's default left out. */
function programInputs(schema: ResourceSchema, outputs: Props, items: Record<string, (item: Props, index: number) => Props> = {}): Props {
  const inputs = inputsFromOutputs(schema, outputs);
  const out: Props = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (value === undefined || key === "adoptId" || key === "unmanaged") continue;
    const norm = schema.comparable[key];
    if (norm && deepEqual(norm(value), norm(undefined))) continue;
    out[key] = items[key] && Array.isArray(value) ? value.map((v, i) => items[key]!(v as Props, i)) : value;
  }
  return out;
}

function omitWhere(item: Props, defaults: Props): Props {
  return Object.fromEntries(Object.entries(item).filter(([k, v]) => !(k in defaults && deepEqual(v, defaults[k]))));
}
