import { ExportReadError, LangdockError, OutputFolderError, UsageError } from "../../provider/errors";

describe("export errors", () => {
  it("UsageError", () => {
    const err = new UsageError("unknown flag --x");
    expect(err).toBeInstanceOf(LangdockError);
    expect(err.code).toBe("usage");
    expect(err.message).toBe("unknown flag --x");
  });

  it("OutputFolderError: a file, an unreadable folder, a folder with entries", () => {
    expect(OutputFolderError.isFile("out").message).toBe("--out out is a file; pass a new or empty folder.");
    const cause = new Error("EACCES: permission denied");
    const unreadable = OutputFolderError.unreadable("out", cause);
    expect(unreadable.cause).toBe(cause);
    expect(unreadable.message).toBe("--out out cannot be read (EACCES: permission denied); pass a new or empty folder.");
    const full = OutputFolderError.notEmpty("out", 3);
    expect(full.code).toBe("output_folder");
    expect(full.message).toBe("--out out is not empty (3 entries); pass a new or empty folder, export never overwrites files.");
  });

  it("ExportReadError keeps the client's error as the cause", () => {
    const cause = new Error("HTTP 401");
    const err = new ExportReadError("Langdock rejected the API key (HTTP 401).", cause);
    expect(err.code).toBe("export_read");
    expect(err.cause).toBe(cause);
  });
});
