import { planExport } from "../../provider/export/plan";
import { renderProgram } from "../../provider/export/render";

describe("export's index.ts", () => {
  it("an export of nothing imports nothing (no `import {  } from`) and still compiles to a program", () => {
    expect(renderProgram(planExport({ integrations: [], agents: [] }))).toBe(
      [
        "// Written by `pulumi-langdock export`: every object is taken over with adoptId, with the values it has",
        "// in Langdock, so the first `pulumi up` creates nothing and changes nothing there.",
        "",
        "// The ids of the objects this program manages.",
        "export const ids = {",
        "};",
        "",
      ].join("\n"),
    );
  });
});
