import * as path from "path";
import * as fs from "fs";
import { startHarness, type Harness } from "../helpers/engineHarness";
import { programAt, runCli, runNode, type CliResult } from "./cli";

jest.setTimeout(120_000);

/**
 * An agent disabled in Langdock (in the UI, or by an earlier destroy) is exported as a declared, enabled
 * agent: the note says the first up enables it, and that first up makes exactly that one write.
 */
describe("pulumi-langdock export of a disabled agent", () => {
  let h: Harness;
  let agentId: string;
  let out: string;
  let result: CliResult;
  let before: any;

  const call = async (method: string, route: string, body: unknown) => {
    const res = await fetch(h.emulator.url + route, {
      method,
      headers: { Authorization: `Bearer ${h.emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status}`);
    return (await res.json()) as any;
  };
  const writes = () => h.emulator.log.filter((e) => e.method !== "GET").map((e) => ({ call: `${e.method} ${e.path}`, body: e.body }));

  beforeAll(async () => {
    h = await startHarness();
    agentId = (await call("POST", "/agent/v1/create", { name: "Night shift", instruction: "Answer after hours." })).agent.id;
    await call("PATCH", "/agent/v1/disable", { agentId, disabled: true });
    out = path.join(h.dir, "exported-disabled-agent");
    fs.rmSync(out, { recursive: true, force: true });
    h.emulator.resetLog();
    before = h.emulator.snapshot();
    result = await runCli(["export", "--agent", agentId, "--out", out], {
      LANGDOCK_API_KEY: h.emulator.apiKey,
      LANGDOCK_BASE_URL: h.emulator.url,
    });
  });
  afterAll(() => h?.stop());

  const note = 'agent "Night shift" is disabled in Langdock; the first pulumi up enables it (Pulumi manages agents as enabled).';

  it("notes (on stderr and above the declaration) that the first up enables it", () => {
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n").filter((l) => l.startsWith("note: "))).toEqual([`note: ${note}`]);
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toContain(`// ${note}\nconst nightShift = new Agent("night-shift", {`);
    expect(writes()).toEqual([]);
  });

  it("its first up makes exactly one write, enabling it; the next preview and up show no change", async () => {
    await runNode([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], out);
    h.emulator.resetLog();
    const up = await h.engine.up(programAt(out));
    expect(up.steps.map((s) => s.op)).toEqual(["create"]); // adopted: in the state only
    expect(writes()).toEqual([{ call: "PATCH /agent/v1/disable", body: { agentId, disabled: false } }]);
    // Nothing else about the agent changed: only the flag.
    const agent = (snapshot: any) => snapshot.agents.find((a: { id: string }) => a.id === agentId);
    expect(agent(before).disabled).toBe(true);
    expect(agent(h.emulator.snapshot())).toEqual({ ...agent(before), disabled: false });
    expect(Object.values(h.engine.state).map((r) => r.id)).toEqual([agentId]);

    h.emulator.resetLog();
    const preview = await h.engine.preview(programAt(out));
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
    const again = await h.engine.up(programAt(out));
    expect(again.steps.filter((s) => s.op !== "same")).toEqual([]);
    expect(writes()).toEqual([]);
  });
});
