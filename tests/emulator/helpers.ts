import { afterEach, beforeEach } from "@jest/globals";
import { LangdockEmulator } from "../../provider/emulator";
import type { EmulatorOptions } from "../../provider/emulator";

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body, sent as is (for malformed JSON). */
  rawBody?: string;
  /** Overrides the emulator's key; null sends no Authorization header. */
  key?: string | null;
  timeoutMs?: number;
}

/** A tiny HTTP client bound to one emulator, using the real network stack (loopback). */
export class Api {
  constructor(readonly emulator: LangdockEmulator) {}

  async call(method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const key = opts.key === undefined ? this.emulator.apiKey : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const res = await fetch(this.emulator.url + path, {
      method,
      headers,
      body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body, text };
  }

  get = (path: string, opts?: CallOptions) => this.call("GET", path, opts);
  post = (path: string, body?: unknown, opts?: CallOptions) => this.call("POST", path, { ...opts, body });
  put = (path: string, body?: unknown, opts?: CallOptions) => this.call("PUT", path, { ...opts, body });
  patch = (path: string, body?: unknown, opts?: CallOptions) => this.call("PATCH", path, { ...opts, body });
  delete = (path: string, opts?: CallOptions) => this.call("DELETE", path, opts);

  async createIntegration(name = "My Integration", description?: string): Promise<string> {
    const res = await this.post("/integrations/v1/create", { name, description });
    if (res.status !== 201) throw new Error(`create integration: ${res.status} ${res.text}`);
    return res.body.integration.id;
  }

  async createAction(integrationId: string, body: Record<string, unknown>): Promise<any> {
    const res = await this.post(`/integrations/v1/${integrationId}/actions/create`, body);
    if (res.status !== 201) throw new Error(`create action: ${res.status} ${res.text}`);
    return res.body.action;
  }

  async createAgent(body: Record<string, unknown>): Promise<any> {
    const res = await this.post("/agent/v1/create", body);
    if (res.status !== 201) throw new Error(`create agent: ${res.status} ${res.text}`);
    return res.body.agent;
  }
}

/** A fresh emulator (and client) for every test of the enclosing describe block, closed afterwards. */
export function useEmulator(opts: EmulatorOptions = {}): { emu: LangdockEmulator; api: Api } {
  const ctx = {} as { emu: LangdockEmulator; api: Api };
  beforeEach(async () => {
    ctx.emu = await LangdockEmulator.start(opts);
    ctx.api = new Api(ctx.emu);
  });
  afterEach(() => ctx.emu.close());
  return ctx;
}

/** Runs `fn` against a one-off emulator with special options, always closing it. */
export async function withEmulator<T>(opts: EmulatorOptions, fn: (api: Api, emu: LangdockEmulator) => Promise<T>): Promise<T> {
  const emu = await LangdockEmulator.start(opts);
  try {
    return await fn(new Api(emu), emu);
  } finally {
    await emu.close();
  }
}

export const UNKNOWN_UUID = "550e8400-e29b-41d4-a716-446655440000";
