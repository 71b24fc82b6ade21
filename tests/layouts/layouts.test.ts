import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LangdockEmulator } from "../../provider/emulator";
import { startProviderHost, type ProviderHost } from "../../provider/testing/host";
import { installPackage } from "../../tooling/installPackage";
import { runProject, type Registration } from "../helpers/programRunner";
import { serializedProviders } from "../helpers/serializedProviders";
import { type Layout, fetchPackageManagers, installLayouts, packTarball, removeInBackground } from "./kit";

/**
 * The packed package, installed for real with npm, npm's linked strategy, pnpm (isolated, hoisted and
 * a workspace), yarn 1, yarn 4's pnpm linker, and into a folder whose path contains the package's name. In each: Pulumi's own
 * program runner runs a TypeScript program (under mocks) whose `__provider` must be byte-identical to
 * every other layout's; then the real dynamic-provider host, started in the program's folder as the
 * engine starts it, creates the integration and action against the emulator, and a FRESH host reads
 * and deletes them from that state.
 */
jest.setTimeout(120_000);

const urn = (kind: string, name: string) => `urn:pulumi:test::consumer::pulumi-nodejs:dynamic/langdock:${kind}::${name}`;

describe("installed with each package manager layout", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ld-layouts-"));
  let layouts: Layout[] = [];
  let reference: Record<string, string>;
  let emulator: LangdockEmulator;
  const hosts: ProviderHost[] = [];

  beforeAll(async () => {
    const started = Date.now();
    installPackage();
    reference = await serializedProviders();
    await fetchPackageManagers();
    const tarball = await packTarball(root);
    layouts = await installLayouts(root, tarball);
    console.log(`layouts installed in ${Math.round((Date.now() - started) / 1000)} s`);
    emulator = await LangdockEmulator.start();
  }, 12 * 60_000);

  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    await emulator?.close();
    removeInBackground(root);
  });

  const startHost = async (cwd: string) => {
    const host = await startProviderHost({
      cwd,
      config: { "langdock:apiKey": emulator.apiKey, "langdock:baseUrl": emulator.url, "langdock:maxRetries": "1" },
      project: "consumer",
      callTimeoutMs: 20_000,
    });
    hosts.push(host);
    return host;
  };

  const names = [
    "npm",
    "npm --install-strategy=linked",
    "pnpm (isolated)",
    "pnpm --shamefully-hoist",
    "pnpm workspace",
    "yarn 1",
    "yarn 4 (pnpm linker)",
    "npm in a folder named acme-pulumi-langdock-infra",
  ];

  it("covers every layout", () => {
    expect(layouts.map((l) => l.name)).toEqual(names);
  });

  it.each(names)("%s: the runner serializes the same provider, and the host creates, then a fresh host reads and deletes", async (name) => {
    const layout = layouts.find((l) => l.name === name)!;
    // The layout is really what it claims (a store, a symlink, a path with the package name).
    const installed = fs.realpathSync(path.join(layout.programDir, "node_modules", "pulumi-langdock"));
    expect(installed).toContain(layout.realPathContains);

    const result = await runProject(layout.programDir, { project: "consumer" });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const registration = (kind: string): Registration => {
      const found = result.registered.find((r) => r.type.endsWith(`:${kind}`));
      if (!found) throw new Error(`${kind} was not registered:\n${result.stderr}`);
      return found;
    };
    const integrationInputs = registration("Integration").inputs;
    const actionInputs = registration("Action").inputs;
    // Byte-identical to the reference (and so to every other layout): no path of this install in it.
    expect(integrationInputs.__provider).toBe(reference.Integration);
    expect(actionInputs.__provider).toBe(reference.Action);

    // The engine's first `up`: Check and Create through the host of this install, in the program's folder.
    const first = await startHost(layout.programDir);
    const integrationChecked = await first.check(urn("Integration", "crm"), {}, integrationInputs);
    expect(integrationChecked.failures).toEqual([]);
    const integration = await first.create(urn("Integration", "crm"), integrationChecked.inputs);
    const actionChecked = await first.check(urn("Action", "find"), {}, { ...actionInputs, integrationId: integration.id });
    expect(actionChecked.failures).toEqual([]);
    const action = await first.create(urn("Action", "find"), actionChecked.inputs);
    expect(emulator.snapshot().actions.find((a) => a.id === action.id)).toMatchObject({
      name: "Find customer",
      integrationId: integration.id,
    });
    await first.stop();

    // A later `refresh` and `destroy`: a fresh host knows the provider only from the stored state.
    const second = await startHost(layout.programDir);
    const read = await second.read(urn("Action", "find"), action.id, action.properties, actionChecked.inputs);
    expect(read.id).toBe(action.id);
    expect(read.properties).toMatchObject({ name: "Find customer", __provider: reference.Action });
    await second.delete(urn("Action", "find"), action.id, read.properties, actionChecked.inputs);
    expect(emulator.snapshot().actions.map((a) => a.id)).not.toContain(action.id);
    expect((await second.read(urn("Action", "find"), action.id, read.properties)).id).toBe("");
    expect((await second.read(urn("Integration", "crm"), integration.id, integration.properties)).id).toBe(integration.id);
    await second.delete(urn("Integration", "crm"), integration.id, integration.properties);
    await second.stop();
  });
});
