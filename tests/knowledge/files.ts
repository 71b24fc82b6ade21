import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";

/** Writes `content` to `dir/rel` (creating folders) and returns its sha256. */
export function writeFile(dir: string, rel: string, content: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return createHash("sha256").update(content).digest("hex");
}

/** A fresh folder under the program directory (the host's cwd). */
export function freshDir(programDir: string, name: string): string {
  const dir = path.join(programDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const WRITES = /^(POST|PUT|PATCH|DELETE)$/;
