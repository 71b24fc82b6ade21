import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../tooling/installPackage";

/** The suite's figures: what each test file counted, summed over the files of one jest run. */

export interface Figures {
  faults: number;
  operations: number;
  failures: number;
  duplicates: number;
  orphans: number;
  /** Successful writes (PUT/PATCH/DELETE) to objects the state never held: someone else's object changed. */
  overwrites: number;
  /** State entries dropped while their object still exists in Langdock (a refresh or a failed step losing track). */
  lostState: number;
  /** Objects not in the state that an error message reported (named by id, or by name for agents). */
  reported: number;
  /** Ids held by more than one resource of the state (two resources managing one object). */
  shared: number;
  leaks: number;
}

export function addFigures(a: Figures, b: Figures): Figures {
  return Object.fromEntries((Object.keys(a) as (keyof Figures)[]).map((k) => [k, a[k] + b[k]])) as unknown as Figures;
}

export const emptyFigures = (): Figures => ({
  faults: 0,
  operations: 0,
  failures: 0,
  duplicates: 0,
  orphans: 0,
  overwrites: 0,
  lostState: 0,
  reported: 0,
  shared: 0,
  leaks: 0,
});

const FIGURES_DIR = path.join(REPO_ROOT, ".tmp", "reliability-figures");
export const FIGURES_FILE = path.join(REPO_ROOT, ".tmp", "reliability-figures.json");

/**
 * Records one test file's figures (and prints the running total). Jest runs the files of one run in
 * workers of one parent process, so they share `process.ppid`; the file that completes the set prints
 * the suite's summary line (`reliability: faults=… operations=… …`) and writes FIGURES_FILE.
 */
export function recordFigures(file: string, figures: Figures, allFiles: readonly string[]): void {
  const run = process.env.JEST_WORKER_ID ? process.ppid : process.pid;
  const dir = path.join(FIGURES_DIR, String(run));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${file}.json`), JSON.stringify(figures));
  const present = allFiles.filter((f) => fs.existsSync(path.join(dir, `${f}.json`)));
  const total = emptyFigures();
  for (const f of present) {
    const one = JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), "utf8")) as Figures;
    for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += one[key];
  }
  const line = `reliability${present.length < allFiles.length ? ` (${present.length}/${allFiles.length} files)` : ""}: faults=${total.faults} operations=${total.operations} failures=${total.failures} duplicates=${total.duplicates} orphans=${total.orphans} overwrites=${total.overwrites} lostState=${total.lostState} reported=${total.reported} shared=${total.shared} leaks=${total.leaks}`;
  if (present.length === allFiles.length) {
    fs.writeFileSync(
      FIGURES_FILE,
      JSON.stringify(
        { ...total, files: Object.fromEntries(present.map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), "utf8"))])) },
        null,
        2,
      ),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${line}\n`);
}
