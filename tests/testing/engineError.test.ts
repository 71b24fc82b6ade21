import { EngineError } from "../../provider/testing/engineTypes";

describe("EngineError", () => {
  it("names each failed resource and operation once, and the program's own failure without a doubled prefix", () => {
    const err = new EngineError(
      [
        { urn: "urn:pulumi:test::support::pulumi-nodejs:dynamic/langdock:Agent::support", op: "create", message: "boom" },
        { urn: "(program)", op: "program", message: "TypeError: x is not a function" },
      ],
      [],
    );
    expect(err.message).toBe(
      "2 resource operation(s) failed:\n  urn:pulumi:test::support::pulumi-nodejs:dynamic/langdock:Agent::support (create): boom\n  (program): TypeError: x is not a function",
    );
  });
});
