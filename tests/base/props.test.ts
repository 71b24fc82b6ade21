import { deepEqual, normalizeCode, sanitize } from "../../provider/base/props";
import { MASK, redact, registerSecret } from "../../provider/base/redact";

describe("sanitize", () => {
  it("drops undefined and null properties, converts BigInt, keeps array positions", () => {
    expect(sanitize({ a: undefined, b: null, c: BigInt(7), d: [1, undefined, { e: undefined }], f: () => 1 })).toEqual({
      c: 7,
      d: [1, null, {}],
    });
  });
  it("compares structurally regardless of key order and absent-vs-undefined", () => {
    expect(deepEqual({ a: 1, b: { c: 2, d: undefined } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

describe("normalizeCode", () => {
  it("ignores trailing whitespace per line and at the end; empty code is no code", () => {
    expect(normalizeCode("return 1;  \n\n")).toBe("return 1;");
    expect(normalizeCode("a  \nb\t\n")).toBe("a\nb");
    expect(normalizeCode("  \n")).toBeUndefined();
    expect(normalizeCode("  indented")).toBe("  indented");
  });
});

describe("redact", () => {
  it("masks Langdock keys by shape and every registered secret", () => {
    registerSecret("hunter2-oauth");
    expect(redact("key sk-ld-abc_DEF-123 and hunter2-oauth twice hunter2-oauth")).toBe(`key ${MASK} and ${MASK} twice ${MASK}`);
  });
  it("ignores values too short to mask safely", () => {
    registerSecret("ab");
    expect(redact("about")).toBe("about");
  });
});
