import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageSpec } from "../../provider/export/packageSpec";
import { REPO_ROOT } from "../../tooling/installPackage";

describe("the exported project's dependency on pulumi-langdock", () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ld-spec-"))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A project that installed the package with `spec`, and the installed copy's folder. */
  const installed = (spec: string, field = "dependencies") => {
    const project = path.join(tmp, "infra");
    const copy = path.join(project, "node_modules", "pulumi-langdock");
    fs.mkdirSync(copy, { recursive: true });
    fs.writeFileSync(path.join(copy, "package.json"), JSON.stringify({ name: "pulumi-langdock", version: "0.2.0" }));
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ [field]: { "pulumi-langdock": spec } }));
    return copy;
  };

  it("is the spec this copy was installed with; a relative tarball or folder becomes absolute", () => {
    expect(packageSpec(undefined, installed("file:../pulumi-langdock-0.2.0.tgz"))).toEqual({
      spec: `file:${path.join(tmp, "pulumi-langdock-0.2.0.tgz")}`,
      from: "install",
    });
  });

  it.each(["git+file:///srv/pulumi-langdock.git", "github:acme/pulumi-langdock#v0.2.0", "^0.2.0", "file:/abs/x.tgz"])(
    "keeps %s as it is",
    (spec) => {
      expect(packageSpec(undefined, installed(spec, "devDependencies"))).toEqual({ spec, from: "install" });
    },
  );

  it("--package wins; a copy outside node_modules (this repository) depends on its version from the registry", () => {
    expect(packageSpec("^0.2.0", installed("file:../x.tgz"))).toEqual({ spec: "^0.2.0", from: "flag" });
    const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
    expect(packageSpec(undefined, REPO_ROOT)).toEqual({ spec: `^${version}`, from: "registry" });
  });
});
