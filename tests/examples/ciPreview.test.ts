import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/** The workflow's structure; what it says each run costs is measured in tests/engine/ciCosts.test.ts. */
describe("examples/ci-preview workflow", () => {
  const dir = path.join(__dirname, "..", "..", "examples", "ci-preview");
  const workflow = parse(fs.readFileSync(path.join(dir, "pulumi-preview.yml"), "utf8"));
  const pulumiStep = (job: string) => workflow.jobs[job].steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@"));

  it("previews same-repository pull requests and comments the diff, refresh switchable", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "schedule", "workflow_dispatch"]);
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(workflow.jobs.preview.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(workflow.jobs.preview.permissions["pull-requests"]).toBe("write");
    expect(pulumiStep("preview").with).toMatchObject({
      command: "preview",
      "comment-on-pr": true,
      refresh: "${{ vars.PREVIEW_REFRESH == 'true' }}",
      "github-token": "${{ secrets.GITHUB_TOKEN }}",
    });
  });

  it("wires both backends and the key as secrets, after npm ci", () => {
    for (const job of ["preview", "drift"]) {
      const step = pulumiStep(job);
      expect(step.with["cloud-url"]).toBe("${{ vars.PULUMI_BACKEND_URL }}");
      expect(step.env).toEqual({
        PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}",
        PULUMI_CONFIG_PASSPHRASE: "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}",
        LANGDOCK_API_KEY: "${{ secrets.LANGDOCK_API_KEY }}",
      });
      const steps = workflow.jobs[job].steps;
      expect(steps.findIndex((s: { run?: string }) => s.run === "npm ci")).toBeLessThan(steps.indexOf(step));
    }
  });

  it("runs the offline stack tests for fork pull requests, with no secrets and no pull_request_target", () => {
    expect(workflow.on.pull_request_target).toBeUndefined();
    const fork = workflow.jobs["offline-test"];
    expect(fork.if).toContain("github.event.pull_request.head.repo.full_name != github.repository");
    expect(JSON.stringify(fork)).not.toContain("secrets.");
    expect(fork.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(["npm ci", "npx jest"]);
  });

  it("checks for drift on a schedule and fails on any change", () => {
    expect(workflow.on.schedule).toEqual([{ cron: expect.any(String) }]);
    expect(workflow.jobs.drift.if).toContain("schedule");
    expect(pulumiStep("drift").with).toMatchObject({ command: "preview", refresh: true, "expect-no-changes": true });
  });

  it("the README shows the real type names", () => {
    const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    expect(readme).toContain("pulumi-nodejs:dynamic/langdock:Action");
    expect(readme).not.toMatch(/(?<!dynamic\/)langdock:(Action|Agent)\b/);
  });
});
