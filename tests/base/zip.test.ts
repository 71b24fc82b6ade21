import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { crc32, readZip, writeZip } from "../../provider/base/zip";

const entries = [
  { path: "SKILL.md", bytes: Buffer.from("---\nname: FAQ\n---\n" + "Answer from the handbook.\n".repeat(50)) },
  { path: "reference/ü.md", bytes: Buffer.from("tiny") },
  { path: "empty.txt", bytes: Buffer.alloc(0) },
];

describe("zip writer and reader", () => {
  it("crc32 is the standard CRC-32 (IEEE)", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it("round-trips names (UTF-8), empty files and both methods, and is deterministic", () => {
    const zip = writeZip(entries);
    expect(readZip(zip).map((e) => [e.path, Buffer.from(e.bytes).toString()])).toEqual(entries.map((e) => [e.path, e.bytes.toString()]));
    expect(writeZip(entries).equals(zip)).toBe(true);
    // The repetitive SKILL.md is deflated (method 8), the tiny file stored (method 0).
    expect(zip.readUInt16LE(8)).toBe(8);
    const second = 30 + "SKILL.md".length + zip.readUInt32LE(18);
    expect(zip.readUInt16LE(second + 8)).toBe(0);
  });

  const hasPython = (() => {
    try {
      execFileSync("python3", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  (hasPython ? it : it.skip)("what it writes, Python's zipfile reads and verifies (CRCs, UTF-8 names, contents)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zip-"));
    try {
      fs.writeFileSync(path.join(dir, "a.zip"), writeZip(entries));
      const script =
        "import json, sys, zipfile\n" +
        "z = zipfile.ZipFile(sys.argv[1])\n" +
        "assert z.testzip() is None\n" +
        "print(json.dumps([[i.filename, z.read(i).decode()] for i in z.infolist()]))";
      const listed = JSON.parse(execFileSync("python3", ["-c", script, path.join(dir, "a.zip")]).toString());
      expect(listed).toEqual(entries.map((e) => [e.path, e.bytes.toString()]));
      // And the other way round: an archive Python deflates, with a folder entry, reads back.
      const make =
        "import sys, zipfile\n" +
        "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n" +
        "  z.writestr('skill/', '')\n" +
        "  z.writestr('skill/SKILL.md', 'hello ' * 100)\n";
      execFileSync("python3", ["-c", make, path.join(dir, "b.zip")]);
      expect(readZip(fs.readFileSync(path.join(dir, "b.zip"))).map((e) => [e.path, e.bytes.length])).toEqual([["skill/SKILL.md", 600]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("tolerates a trailing archive comment", () => {
    const zip = writeZip([{ path: "skill/SKILL.md", bytes: Buffer.from("x") }]);
    const withComment = Buffer.concat([zip, Buffer.from("comment")]);
    withComment.writeUInt16LE(7, zip.length - 2);
    expect(readZip(withComment).map((e) => e.path)).toEqual(["skill/SKILL.md"]);
  });

  it("refuses what it cannot read, with a one-line reason", () => {
    expect(() => readZip(Buffer.from("not a zip"))).toThrow("not a zip archive (no end of central directory record)");
    const zip = writeZip([{ path: "a.txt", bytes: Buffer.from("hello") }]);
    const corrupt = Buffer.from(zip);
    corrupt[30 + "a.txt".length] ^= 0xff;
    expect(() => readZip(corrupt)).toThrow("a.txt: checksum mismatch");
  });
});
