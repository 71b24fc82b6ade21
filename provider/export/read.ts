import {
  APIError,
  AuthenticationError,
  BaseUrlError,
  RateLimitError,
  UnusableResponseError,
  NotFoundError,
  PermissionDeniedError,
  type AgentWire,
  type IntegrationWire,
  type LangdockClient,
} from "../client";
import { getSkill, listSkills, type SkillWire } from "../client/skills";
import { redact } from "../base/redact";
import { isRemoved } from "../common/removed";
import { trimPeriod } from "../base/text";
import { ExportReadError, LangdockError } from "../errors";

/** What export reads: each integration's detail (with its actions and triggers) and each agent. */
export interface Workspace {
  integrations: IntegrationWire[];
  agents: AgentWire[];
  /** Absent in workspaces read before skills were exported. */
  skills?: SkillWire[];
  /** Listed integrations left out because an earlier destroy marked them removed (common/removed.ts). */
  removed?: { id: string; name: string }[];
}

export interface ReadRequest {
  integrations: string[];
  allIntegrations: boolean;
  agents: string[];
  skills?: string[];
  allSkills?: boolean;
}

/** Reads everything requested, one object at a time, telling `progress` as it goes. */
export async function readWorkspace(client: LangdockClient, request: ReadRequest, progress: (line: string) => void): Promise<Workspace> {
  const ids = [...request.integrations];
  // Langdock cannot delete integrations: what a destroy left behind is listed too. An id passed
  // explicitly is exported whatever its description says.
  const removed: { id: string; name: string }[] = [];
  const skip = (integration: { id: string; name: string; description?: string | null }) => {
    if (request.integrations.includes(integration.id) || !isRemoved(integration.description)) return false;
    removed.push({ id: integration.id, name: integration.name });
    return true;
  };
  if (request.allIntegrations) {
    progress("Listing integrations…");
    const listed = await client.listIntegrations().catch((err) => {
      throw explain(err, LIST, "integration");
    });
    // Langdock's own (catalog) integrations are not the workspace's to manage.
    const kept = listed.filter((summary) => summary.buildByLangdock !== true && !skip(summary));
    const skipped = removed.length > 0 ? `, ${removed.length} of them removed by an earlier pulumi destroy (skipped)` : "";
    progress(`  ${count(listed.length, "integration")} found${skipped}`);
    for (const summary of kept) if (!ids.includes(summary.id)) ids.push(summary.id);
  }
  const integrations: IntegrationWire[] = [];
  for (const id of ids) {
    progress(`Reading integration ${id}…`);
    const integration = await client.getIntegration(id).catch((err) => {
      throw explain(err, `integration ${id}`, "integration");
    });
    // The list's summary may leave the description out; the detail has it.
    if (skip(integration)) {
      progress(`  ${JSON.stringify(integration.name)}: removed by an earlier pulumi destroy (skipped)`);
      continue;
    }
    const actions = count(integration.actions?.length ?? 0, "action");
    const triggers = count(integration.triggers?.length ?? 0, "trigger");
    progress(`  ${JSON.stringify(integration.name)}: ${actions}, ${triggers}`);
    integrations.push(integration);
  }
  const agents: AgentWire[] = [];
  for (const id of request.agents) {
    progress(`Reading agent ${id}…`);
    const agent = await client.getAgent(id).catch((err) => {
      throw explain(err, `agent ${id}`, "agent");
    });
    progress(`  ${JSON.stringify(agent.name)}: ${count(agent.actions?.length ?? 0, "action")}`);
    agents.push(agent);
  }
  const skills = await readSkills(client, request, progress);
  return { integrations, agents, ...(skills.length > 0 ? { skills } : {}), ...(removed.length > 0 ? { removed } : {}) };
}

/** The skills asked for: every one the key can see (--all-skills), then each --skill not listed. */
async function readSkills(client: LangdockClient, request: ReadRequest, progress: (line: string) => void): Promise<SkillWire[]> {
  const skills: SkillWire[] = [];
  if (request.allSkills) {
    progress("Listing skills…");
    skills.push(
      ...(await listSkills(client).catch((err) => {
        throw explain(err, "the skill list", "skill");
      })),
    );
    progress(`  ${count(skills.length, "skill")} found`);
  }
  for (const id of request.skills ?? []) {
    if (skills.some((s) => s.id === id)) continue;
    progress(`Reading skill ${id}…`);
    const skill = await getSkill(client, id).catch((err) => {
      throw explain(err, `skill ${id}`, "skill");
    });
    progress(`  ${JSON.stringify(skill.name)}`);
    skills.push(skill);
  }
  return skills;
}

const LIST = "the integration list";

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** One sentence for what went wrong while reading `what`; the client's message otherwise (already redacted). */
function explain(err: unknown, what: string, kind: "integration" | "agent" | "skill"): Error {
  const said = (e: { apiMessage: string; status: number | undefined }) =>
    e.apiMessage && e.apiMessage !== `HTTP ${e.status}` ? `: ${trimPeriod(e.apiMessage)}` : "";
  if (err instanceof AuthenticationError) {
    return new ExportReadError(
      `Langdock rejected the API key (HTTP 401${said(err)}); check LANGDOCK_API_KEY (or --api-key) and that LANGDOCK_BASE_URL (or --base-url) points at your workspace's API.`,
      err,
    );
  }
  if (err instanceof PermissionDeniedError) {
    const scope = { agent: "AGENT_API", integration: "INTEGRATION_API", skill: "SKILL_API" }[kind];
    return new ExportReadError(
      `Langdock refused to show ${what} (HTTP 403${said(err)}); give the API key the ${scope} scope in Langdock's workspace settings.`,
      err,
    );
  }
  if (err instanceof BaseUrlError) {
    // The client's message names langdock:baseUrl (stack config); the CLI takes the URL from its own flag.
    return new ExportReadError(
      `Langdock's API did not answer ${err.request.method} ${err.request.path} (HTTP ${err.status}), so LANGDOCK_BASE_URL (or --base-url) does not point at Langdock's public API; set it to https://api.langdock.com or https://<deployment>/api/public.`,
      err,
    );
  }
  if (err instanceof NotFoundError && what === LIST) {
    return new ExportReadError(
      `Langdock answered HTTP 404 for the integration list${said(err)}; check that LANGDOCK_BASE_URL (or --base-url) points at Langdock's public API.`,
      err,
    );
  }
  if (err instanceof NotFoundError) {
    const shared = kind === "agent" ? " and that the agent is shared with this API key" : "";
    return new ExportReadError(
      `${capitalize(what)} does not exist in this Langdock workspace (HTTP 404${said(err)}); check the id${shared}.`,
      err,
    );
  }
  if (err instanceof APIError) return new ExportReadError(err.messageWithHint(exportHint(err)), err);
  return err instanceof LangdockError ? err : new ExportReadError(redact(err instanceof Error ? err.message : String(err)), err);
}

/** What to do about a failed read, in export's own terms (its flags and environment, run the export again). */
function exportHint(err: APIError): string {
  if (err.status === undefined)
    return "check LANGDOCK_BASE_URL (or --base-url) and your network, then run the export again (it writes nothing until every read succeeded)";
  if (err instanceof RateLimitError) return "Langdock kept rate limiting; run the export again later, or raise LANGDOCK_MAX_RETRIES";
  if (err instanceof UnusableResponseError) return "check that LANGDOCK_BASE_URL (or --base-url) points at Langdock's public API";
  if (err.status >= 500) return "Langdock is unavailable or had a server error; run the export again later";
  return "";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
