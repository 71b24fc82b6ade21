import { ImportIdError, LangdockError } from "../../provider/errors";

describe("ImportIdError", () => {
  it("names the form an import id must have, with the command that takes it", () => {
    const err = ImportIdError.malformed("langdock:index:Trigger", "abc", "<integrationId>/<triggerId>");
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("import_id");
    expect(err.message).toBe(
      'The import id "abc" of langdock:index:Trigger must have the form <integrationId>/<triggerId>: pass `pulumi import langdock:index:Trigger <name> <integrationId>/<triggerId>`.',
    );
  });

  it("says why a kind cannot be imported", () => {
    expect(ImportIdError.unsupported("langdock:index:Attachment", "Langdock cannot read an attachment back").message).toBe(
      "langdock:index:Attachment cannot be imported: Langdock cannot read an attachment back.",
    );
  });
});
