/**
 * The peer the package is measured against: the obvious minimal hand-written inline dynamic provider for a
 * Langdock action, as a user would write it in their own Pulumi program. A plain object with create, read,
 * update and delete, one axios call each to the same API, no check (the host then passes the inputs through
 * unchanged), no validation, no retries, no diff rules. It reads the base URL and key from the host's
 * environment. Pulumi's closure serializer stores it by value in `__provider`, as it does any inline
 * provider; `require` inside a function is never captured, so axios loads in the host at run time.
 */
import type * as PulumiModule from "@pulumi/pulumi";
import type { LangdockEmulator } from "../provider/testing";
import { captureRegistrations, type Modules } from "./common";

type Inputs = Record<string, any>;

/** One call to the Langdock API; the response body. */
async function langdock(method: string, path: string, data?: unknown): Promise<any> {
  const axios = require("axios");
  const response = await axios({
    method,
    url: `${process.env.LANGDOCK_BASE_URL}${path}`,
    data,
    headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY}` },
  });
  return response.data;
}

export const baselineActionProvider: PulumiModule.dynamic.ResourceProvider = {
  async create(inputs: Inputs) {
    const { integrationId, name, description, code } = inputs;
    const { action } = await langdock("POST", `/integrations/v1/${integrationId}/actions/create`, { name, description, code });
    return { id: action.id, outs: { ...inputs, ...action } };
  },
  async read(id: string, props: Inputs) {
    const { integration } = await langdock("GET", `/integrations/v1/${props.integrationId}`);
    const action = (integration.actions ?? []).find((a: { id: string }) => a.id === id);
    return { id: action ? id : "", props: { ...props, ...action } };
  },
  async update(id: string, olds: Inputs, news: Inputs) {
    const { name, description, code } = news;
    const { action } = await langdock("PUT", `/integrations/v1/${news.integrationId}/actions/${id}`, { name, description, code });
    return { outs: { ...news, ...action } };
  },
  async delete(id: string, props: Inputs) {
    await langdock("DELETE", `/integrations/v1/${props.integrationId}/actions/${id}`);
  },
};

/** What the host needs for the baseline besides its `__provider`: where Langdock is. */
export function baselineEnv(emulator: LangdockEmulator): NodeJS.ProcessEnv {
  return { LANGDOCK_BASE_URL: emulator.url, LANGDOCK_API_KEY: emulator.apiKey };
}

export type Contender = "package" | "baseline";
export const CONTENDERS: Contender[] = ["package", "baseline"];

/** The inputs (with `__provider`) the Pulumi SDK registers for one action of each contender, name and integration to fill in. */
export async function actionRegistrations(m: Modules): Promise<Record<Contender, Inputs>> {
  const props = { integrationId: "i-id", name: "Action", description: "Benchmark action", code: "return { ok: true };" };
  // As a user declares an inline provider's resource.
  class BaselineAction extends m.pulumi.dynamic.Resource {
    constructor(name: string, args: Inputs) {
      super(baselineActionProvider, name, args);
    }
  }
  const captured = await captureRegistrations(m, () => {
    new m.langdock.Action("package", props);
    new BaselineAction("baseline", props);
  });
  const result = { package: captured.get("package"), baseline: captured.get("baseline") };
  if (!result.package || !result.baseline) throw new Error("no registration captured for the package's or the baseline's action");
  return result as Record<Contender, Inputs>;
}

export function actionUrn(contender: Contender, i: number): string {
  const type = contender === "package" ? "pulumi-nodejs:dynamic/langdock:Action" : "pulumi-nodejs:dynamic:Resource";
  return `urn:pulumi:bench::bench::${type}::${contender}-${i}`;
}
