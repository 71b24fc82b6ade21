import { thrown } from "../helpers/thrown";
import * as os from "os";
import * as path from "path";
import { CodeFileError, LangdockError } from "../../provider/errors";
import { codeFromFile } from "../../provider/code";

describe("CodeFileError", () => {
  it("a missing file names the path as given and as resolved, and keeps the errno error", () => {
    const dir = os.tmpdir();
    const err = thrown<CodeFileError>(() => codeFromFile("./no-such-file-h12b.js", { baseDir: dir }));
    expect(err).toBeInstanceOf(CodeFileError);
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("code_file");
    expect(err.file).toBe("./no-such-file-h12b.js");
    expect((err.cause as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect(err.message).toBe(
      `codeFromFile: ./no-such-file-h12b.js does not exist (resolved to ${path.join(dir, "no-such-file-h12b.js")}); create it or fix the path.`,
    );
  });

  it("too long: the advice depends on the field", () => {
    expect(CodeFileError.tooLong("p.js", 1234, 1000, "trigger polling code").message).toBe(
      "codeFromFile: p.js is 1,234 characters; Langdock accepts at most 1,000 for trigger polling code: keep the polling code to the request and the mapping of events, and move other logic into the API it calls.",
    );
    expect(CodeFileError.tooLong("a.js", 40_001, 40_000, "action code").message).toBe(
      "codeFromFile: a.js is 40,001 characters; Langdock accepts at most 40,000 for action code: shorten it or move logic into the API it calls.",
    );
  });

  it("invalid JavaScript keeps the SyntaxError as the cause", () => {
    const syntax = new SyntaxError("Unexpected token '}' at line 3");
    const err = CodeFileError.invalid("a.js", "action code", syntax);
    expect(err.cause).toBe(syntax);
    expect(err.message).toBe(
      "codeFromFile: a.js is not valid JavaScript for action code (Unexpected token '}' at line 3); fix it before deploying.",
    );
  });
});
