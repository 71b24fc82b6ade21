import { checkInputs, diffInputs } from "../../provider/common/schema";
import { integrationSchema } from "../../provider/integration/schema";

describe("Integration check", () => {
  it("reports every failure with its property path", () => {
    const { failures } = checkInputs(integrationSchema, {
      name: "n".repeat(41),
      description: "d".repeat(91),
      authType: "BASIC",
      authFields: [
        { slug: "key", label: "Key", type: "PASSWORD" },
        { slug: "key", label: "Again", type: "SECRET" },
      ],
      authTestCode: "x".repeat(1001),
    });
    expect(failures).toEqual([
      { property: "name", reason: "must be at most 40 characters (got 41)" },
      { property: "description", reason: "must be at most 90 characters (got 91)" },
      { property: "authType", reason: 'must be one of NONE, API_KEY, OAUTH, OAUTH_DCR, SERVICE_ACCOUNT (got "BASIC")' },
      { property: "authFields[1].type", reason: 'must be one of TEXT, MULTI_LINE_TEXT, PASSWORD, NUMBER, EMBEDDING_MODEL (got "SECRET")' },
      { property: "authTestCode", reason: "must be at most 1000 characters (got 1001)" },
      // Issue 10 case 11: cross-field rules are reported together with the field errors.
      { property: "authFields[1].slug", reason: '"key" is used by an earlier auth field; slugs must be unique' },
    ]);
  });

  it("checks how auth inputs fit together", () => {
    expect(
      checkInputs(integrationSchema, {
        name: "n",
        authFields: [
          { slug: "k", label: "K", type: "TEXT" },
          { slug: "k", label: "L", type: "TEXT" },
        ],
        oauthClient: { clientId: "id", clientSecret: "s3cret-value" },
      }).failures,
    ).toEqual([
      { property: "authFields[1].slug", reason: '"k" is used by an earlier auth field; slugs must be unique' },
      { property: "authType", reason: 'is required when authFields, authTestCode or oauthClient is set (e.g. "API_KEY" or "OAUTH")' },
      { property: "oauthClient", reason: 'is only used with authType "OAUTH" or "OAUTH_DCR" (authType is "NONE")' },
    ]);
  });

  it("checks icon URL and color formats", () => {
    expect(checkInputs(integrationSchema, { name: "n", iconUrl: "ftp://x", color: "blue" }).failures).toEqual([
      { property: "iconUrl", reason: 'must be an http(s) URL (got "ftp://x")' },
      { property: "color", reason: 'must be a hex color like "#4f46e5" (got "blue")' },
    ]);
  });

  it("never echoes a client secret in a failure", () => {
    const { failures } = checkInputs(integrationSchema, {
      name: "n",
      authType: "OAUTH",
      oauthClient: { clientId: "", clientSecret: "s3cret-value", extra: 1 },
    });
    expect(JSON.stringify(failures)).not.toContain("s3cret-value");
    expect(failures.map((f) => f.property)).toEqual(["oauthClient.clientId", "oauthClient.extra"]);
  });
});

describe("Integration diff", () => {
  const inputs = checkInputs(integrationSchema, {
    name: "CRM",
    authType: "API_KEY",
    authFields: [{ slug: "key", label: "Key", type: "PASSWORD" }],
  }).inputs;
  const outputs = {
    ...inputs,
    description: null,
    authTestCode: null,
    authFields: [{ slug: "key", label: "Key", type: "PASSWORD", description: null, placeholder: null, required: false }],
    createdAt: "t",
  };

  it("reports no change after create", () => {
    expect(diffInputs(integrationSchema, outputs, inputs).changes).toBe(false);
  });

  it("treats an absent authType as NONE", () => {
    const plain = checkInputs(integrationSchema, { name: "CRM" }).inputs;
    expect(diffInputs(integrationSchema, { ...plain, authType: "NONE", authFields: [] }, plain).changes).toBe(false);
  });

  it("notices a changed client secret (carried in state) and never replaces", () => {
    const oauth = checkInputs(integrationSchema, {
      name: "CRM",
      authType: "OAUTH",
      oauthClient: { clientId: "id", clientSecret: "one-secret" },
    }).inputs;
    expect(diffInputs(integrationSchema, oauth, { ...oauth, oauthClient: { clientId: "id", clientSecret: "two-secret" } })).toMatchObject({
      diffs: ["oauthClient"],
      replaces: [],
    });
  });
});
