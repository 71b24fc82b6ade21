/** The test files of this folder that record figures; the last one to finish prints the summary. */
export const ALL_FILES = [
  "storm",
  "retryAfter",
  "dropAfterCommit",
  "outOfBand",
  "wrongKey",
  "adoption",
  "baseUrl",
  "unusableAnswers",
  "slowAnswers",
  "secrets",
  "messages",
] as const;

/** Seed of the storm in scenario 1 (deterministic fault sequence). */
export const STORM_SEED = 5;
