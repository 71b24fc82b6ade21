import * as path from "path";
import { planOf } from "../../tooling/pulumiCli";
import { REPO_ROOT, describeWithCli, removeStackFile, startWorld, type CliWorld } from "./cliSuite";

/**
 * Every Pulumi project of the repository, run the way its README says, with the real CLI against the
 * emulator: stack init, config, preview (the exact plan), up, a second preview and a refresh that
 * expect no changes, destroy — and what Langdock holds after each.
 */
const STACK = "e2e";

interface Project {
  dir: string;
  /** `pulumi config set` arguments beyond the API key and base URL (a secret's first element is "--secret"). */
  config: (world: CliWorld) => string[][];
  plan: string[];
  /** The ids the stack outputs name, checked against Langdock after up. */
  outputs: string[];
}

const PROJECTS: Record<string, Project> = {
  "the quick start (root Pulumi.yaml)": {
    dir: REPO_ROOT,
    config: () => [],
    plan: ["create create-ticket", "create crm", "create get-user", "create new-tickets", "create support"],
    outputs: ["integrationId", "getUserActionId", "createTicketActionId", "triggerId", "agentId"],
  },
  "examples/structured-agent": {
    dir: path.join(REPO_ROOT, "examples", "structured-agent"),
    config: () => [["--secret", "ticketsClientSecret", "e2e-oauth-client-secret"]],
    plan: ["create crm", "create escalate", "create lookup-customer", "create tickets", "create triage"],
    outputs: ["agentId"],
  },
  "examples/knowledge-agent": {
    dir: path.join(REPO_ROOT, "examples", "knowledge-agent"),
    config: (world) => [["knowledgeBaseId", world.emulator.createKnowledgeBase({ name: "Team docs" })]],
    plan: ["create docs", "create docs/faq.md", "create docs/getting-started.md", "create handbook", "create support"],
    outputs: ["agentId", "handbookId"],
  },
  "examples/offline-test": {
    dir: path.join(REPO_ROOT, "examples", "offline-test"),
    config: () => [
      ["team", "Support"],
      ["crmClientId", "client-1"],
      ["--secret", "crmClientSecret", "e2e-crm-client-secret"],
    ],
    plan: ["create crm", "create helper", "create lookup"],
    outputs: ["agentId"],
  },
  "examples/skill-as-code": {
    dir: path.join(REPO_ROOT, "examples", "skill-as-code"),
    config: () => [],
    plan: ["create github", "create release-notes", "create ticket-triage"],
    outputs: ["triageSkillId", "releaseNotesSkillId"],
  },
};

const SECRETS = ["e2e-oauth-client-secret", "e2e-crm-client-secret"];

describeWithCli("every Pulumi project in the repo, on the real CLI", () => {
  jest.setTimeout(300_000);
  let world: CliWorld;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    for (const project of Object.values(PROJECTS)) removeStackFile(project.dir, STACK);
    await world?.stop();
  });

  it.each(Object.entries(PROJECTS))("%s: stack init, config, preview, up, clean preview and refresh, destroy", async (_name, project) => {
    const { cli, emulator } = world;
    const before = emulator.snapshot();

    // The README's commands: the quick start logs in to the local backend as written. The CLI's
    // PULUMI_BACKEND_URL (a temporary file backend) still wins over that login, so no test writes to the
    // machine user's own ~/.pulumi (which `file://~` means, whatever HOME says).
    if (project.dir === REPO_ROOT) await cli.run(project.dir, ["login", "--local"]);
    const run = await world.initStack(project.dir, STACK, {});
    try {
      for (const args of project.config(world)) await run("config", "set", ...args);

      emulator.resetLog();
      const preview = await cli.json(project.dir, ["preview"]);
      expect(planOf(preview)).toEqual(project.plan);
      expect(world.writes()).toEqual([]);

      await run("up", "--yes");
      const outputs = JSON.parse((await run("stack", "output", "--json")).stdout) as Record<string, string>;
      const after = emulator.snapshot();
      const ids = new Set(Object.values(after).flatMap((objects: any[]) => objects.map((o) => o.id)));
      for (const key of project.outputs) expect(ids.has(outputs[key])).toBe(true);
      // The README's `pulumi stack output <name>`, for the project's first output.
      const [first] = project.outputs;
      expect((await run("stack", "output", first)).stdout.trim()).toBe(outputs[first]);

      // Nothing to do now, and nothing drifted.
      emulator.resetLog();
      await run("preview", "--expect-no-changes");
      await run("refresh", "--yes", "--expect-no-changes");
      expect(world.writes()).toEqual([]);

      // Neither the API key nor an OAuth client secret is in the state in plain text.
      const state = (await run("stack", "export", "--show-secrets=false")).stdout;
      for (const secret of [emulator.apiKey, ...SECRETS]) expect(state).not.toContain(secret);

      await run("destroy", "--yes");
      const gone = emulator.snapshot();
      const live = (kind: "actions" | "triggers") => gone[kind].filter((o) => !before[kind].some((b: any) => b.id === o.id));
      expect(live("actions")).toEqual([]);
      expect(live("triggers")).toEqual([]);
      for (const agent of gone.agents.filter((a) => !before.agents.some((b: any) => b.id === a.id))) expect(agent.disabled).toBe(true);
      for (const integration of gone.integrations.filter((i) => !before.integrations.some((b: any) => b.id === i.id)))
        expect(integration.description).toContain("[removed by Pulumi]");
      expect(gone.knowledgeFiles).toEqual([]);
      expect(gone.skills).toEqual([]);
    } finally {
      await run("stack", "rm", "--yes", "--force", STACK);
    }
  });
});
