/** Plain-text and markdown rendering of the benchmark results. */

export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}

export function fmtRatio(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? "–" : ratio.toFixed(2);
}

export function fmtBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} B`;
}

/** A markdown table; numeric-looking columns are right-aligned. */
export function markdownTable(header: string[], rows: string[][], rightAligned: boolean[] = header.map(() => false)): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const pad = (cell: string, i: number) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** A plain-text table for the terminal. */
export function textTable(header: string[], rows: string[][], rightAligned: boolean[] = header.map(() => false)): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const pad = (cell: string, i: number) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]));
  const line = (cells: string[]) => cells.map(pad).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export interface Bar {
  label: string;
  value: number;
  /** The value the bar should stay under; drawn as `|`. */
  target: number;
}

/**
 * Horizontal bars of plain characters: `#` up to the value, a `|` at the target; bars longer than the
 * scale are cut and end in `>`.
 */
export function barChart(bars: Bar[], maxValue: number, width = 50): string {
  const labelWidth = Math.max(...bars.map((b) => b.label.length));
  const scale = width / maxValue;
  return bars
    .map((b) => {
      const cells: string[] = Array.from({ length: width }, (_, i) => (i < Math.round(b.value * scale) ? "#" : " "));
      const targetAt = Math.min(width - 1, Math.round(b.target * scale));
      cells[targetAt] = "|";
      if (b.value > maxValue) cells[width - 1] = ">";
      const verdict = b.value <= b.target ? "" : "  over target";
      return `${b.label.padEnd(labelWidth)} ${cells.join("")} ${b.value.toFixed(2)}${verdict}`;
    })
    .join("\n");
}
