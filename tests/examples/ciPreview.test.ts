import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

describe("examples/ci-preview workflow", () => {
  const workflow = parse(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "ci-preview", "pulumi-preview.yml"), "utf8"));

  it("runs pulumi preview on pull requests and comments the diff", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions["pull-requests"]).toBe("write");
    const pulumiStep = workflow.jobs.preview.steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@"));
    expect(pulumiStep.with).toMatchObject({ command: "preview", "comment-on-pr": true, "github-token": "${{ secrets.GITHUB_TOKEN }}" });
  });

  it("gives the provider its key from a secret and installs dependencies first", () => {
    const steps = workflow.jobs.preview.steps;
    const pulumiIndex = steps.findIndex((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@"));
    expect(steps[pulumiIndex].env.LANGDOCK_API_KEY).toBe("${{ secrets.LANGDOCK_API_KEY }}");
    expect(steps.findIndex((s: { run?: string }) => s.run === "npm ci")).toBeLessThan(pulumiIndex);
  });
});
