import * as fs from "fs";
import * as path from "path";
import { startHarness, type Harness } from "../helpers/engineHarness";
import { TEMPLATE_TSCONFIG } from "../../provider/export/project";
import { CLIENT_SECRET, GET_USER_CODE, buildWorkspace, type HandBuilt } from "./workspace";
import { programAt, runCli, runNode, type CliResult } from "./cli";

jest.setTimeout(120_000);

const writes = (h: Harness) => h.emulator.log.filter((e) => e.method !== "GET").map((e) => `${e.method} ${e.path}`);

/**
 * The round trip of issue 13: a workspace built by hand through the emulator's HTTP API, exported with
 * the built bin, type-checked with Pulumi's template settings, and run through the real provider host:
 * the first up creates nothing and writes nothing, the next preview shows no change.
 */
describe.each(["full", "summary"] as const)("pulumi-langdock export round trip (GET integration detail: %s)", (detail) => {
  let h: Harness;
  let ws: HandBuilt;
  let out: string;
  let result: CliResult;
  let before: unknown;

  beforeAll(async () => {
    h = await startHarness({ emulator: { integrationDetail: detail } });
    ws = await buildWorkspace(h.emulator);
    out = path.join(h.dir, `exported-${detail}`);
    fs.rmSync(out, { recursive: true, force: true });
    h.emulator.resetLog();
    before = h.emulator.snapshot();
    result = await runCli(
      [
        "export",
        "--integration",
        ws.tickets,
        "--integration",
        ws.crm,
        "--agent",
        ws.agent,
        "--agent",
        ws.minimalAgent,
        "--agent",
        ws.formAgent,
        "--out",
        out,
      ],
      { LANGDOCK_API_KEY: h.emulator.apiKey, LANGDOCK_BASE_URL: h.emulator.url },
    );
  });
  afterAll(() => h?.stop());

  const file = (name: string) => fs.readFileSync(path.join(out, name), "utf8");

  it("only reads, shows progress, and never prints the API key or a secret", () => {
    expect(result.stderr).not.toMatch(/export: /); // no error line
    expect(result.code).toBe(0);
    expect(writes(h)).toEqual([]);
    expect(result.stderr).toContain(`Reading integration ${ws.crm}…`);
    expect(result.stderr).toContain(`Reading agent ${ws.agent}…`);
    expect(result.stdout).toContain("Exported 2 integrations, 3 actions, 1 trigger, 3 agents");
    expect(result.stdout).toContain("pulumi config set --secret ticketDeskClientSecret <the OAuth client secret of integration");
    const everything =
      result.stdout +
      result.stderr +
      fs
        .readdirSync(out, { recursive: true })
        .map((f) => readIfFile(out, String(f)))
        .join("");
    expect(everything).not.toContain(h.emulator.apiKey);
    expect(everything).not.toContain(CLIENT_SECRET);
  });

  it("writes a Pulumi TypeScript project with the template's tsconfig", () => {
    expect(JSON.parse(file("tsconfig.json"))).toEqual(TEMPLATE_TSCONFIG);
    expect(file("Pulumi.yaml")).toMatch(/^name: exported-/);
    const pkg = JSON.parse(file("package.json"));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@pulumi/pulumi", "pulumi-langdock"]);
    expect(pkg.devDependencies.typescript).toMatch(/^~5\./);
    const program = file("index.ts");
    // References instead of ids, literal ids (with a comment) for what is outside the export.
    expect(program).toContain("integrationId: acmeCrm.id,");
    expect(program).toContain("{ actionId: getUser.id, requiresConfirmation: false },");
    expect(program).toContain(`// action not part of this export: its id stays literal\n      actionId: "${ws.outside}",`);
    expect(program).toContain('clientSecret: config.requireSecret("ticketDeskClientSecret"),');
    // No noise: defaults are left out; names are readable and unique.
    expect(program).not.toContain("requiresConfirmation: false,"); // only where it differs from the default (agent actions)
    expect(program).not.toMatch(/creativity: 0.3|authType: "NONE"|webSearch: false|inputType: "PROMPT"|required: false/);
    if (detail === "full") expect(program).toContain('{ label: "User id", placeholder: "u_123", required: true },');
    expect(program).toContain('new Action("get-user-2", {');
    expect(program).toContain("{ actionId: getUser2.id },");
    expect(program).toContain('{ slug: "customer", type: "TEXT", label: "Customer", required: true },');
    expect(program.indexOf('new Integration("acme-crm"')).toBeLessThan(program.indexOf('new Integration("ticket-desk"'));
  });

  if (detail === "full") {
    it("puts action code and trigger polling code into .js files read with codeFromFile", () => {
      expect(file("index.ts")).toContain('code: codeFromFile("actions/get-user.js"),');
      expect(file("index.ts")).toContain('pollingCode: codeFromFile("triggers/new-ticket.js", { kind: "trigger" }),');
      expect(file("actions/get-user.js")).toBe(GET_USER_CODE);
      expect(file("index.ts")).not.toContain('unmanaged: ["code"');
    });
  } else {
    it("reports what the summary answer lacks and leaves it unmanaged instead of clearing it", () => {
      expect(result.stderr).toContain(
        `note: action "Get user" of integration "Acme CRM": Langdock's answer has no code, input fields and requiresConfirmation (the documented summary); the program leaves them as they are in Langdock (unmanaged).`,
      );
      expect(result.stderr).toContain(
        `note: trigger "New ticket" of integration "Acme CRM": Langdock's answer has no polling code and input fields`,
      );
      expect(file("index.ts")).toContain('unmanaged: ["code", "inputFields", "requiresConfirmation"],');
      expect(file("index.ts")).toContain('unmanaged: ["pollingCode", "inputFields"],');
      expect(file("index.ts")).not.toContain("codeFromFile");
      expect(fs.existsSync(path.join(out, "actions"))).toBe(false);
    });
  }

  it("the written program type-checks and compiles with the template's settings", async () => {
    await runNode([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], out);
    expect(fs.existsSync(path.join(out, "bin", "index.js"))).toBe(true);
  });

  it("its first up takes everything over with no create call and no write; the next preview shows no change", async () => {
    const project = "consumer"; // LocalEngine's project: `new pulumi.Config()` reads consumer:<key>
    h.engine.setConfig({ [`${project}:ticketDeskClientSecret`]: CLIENT_SECRET });
    h.emulator.resetLog();
    const up = await h.engine.up(programAt(out));
    expect(up.steps.map((s) => s.op)).toEqual(Array(9).fill("create")); // in the state only
    expect(writes(h)).toEqual([]);
    expect(h.emulator.snapshot()).toEqual(before);
    expect(
      Object.values(h.engine.state)
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      [ws.crm, ws.tickets, ws.getUser, ws.createTicket, ws.ticketsGetUser, ws.trigger, ws.agent, ws.minimalAgent, ws.formAgent].sort(),
    );

    const preview = await h.engine.preview(programAt(out));
    expect(preview.steps.filter((s) => s.op !== "same")).toEqual([]);
    await h.engine.refresh();
    const again = await h.engine.up(programAt(out));
    expect(again.steps.filter((s) => s.op !== "same")).toEqual([]);
    expect(writes(h)).toEqual([]);
    expect(h.emulator.snapshot()).toEqual(before);
  });

  if (detail === "summary") {
    it("a later edit that would replace unread code or fields is refused, and nothing is cleared", async () => {
      const edited = path.join(out, "bin", "index.js");
      fs.writeFileSync(edited, fs.readFileSync(edited, "utf8").replace('"Looks a user up by id"', '"Looks a user up"'));
      h.emulator.resetLog();
      const err = await h.engine.up(programAt(out)).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toContain(
        `unmanaged: action "Get user" (${ws.getUser}) needs an update, which replaces its inputFields and requiresConfirmation, but Langdock's answer does not include them, so the provider will not send it and clear them; declare inputFields and requiresConfirmation in the program as they are in Langdock and remove them from unmanaged.`,
      );
      expect(writes(h)).toEqual([]);
      expect(h.emulator.snapshot().actions.find((a: { id: string }) => a.id === ws.getUser)).toMatchObject({ code: GET_USER_CODE });
    });
  }
});

function readIfFile(dir: string, name: string): string {
  const p = path.join(dir, name);
  return fs.statSync(p).isFile() ? fs.readFileSync(p, "utf8") : "";
}
