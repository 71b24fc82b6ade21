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
  "identity",
] as const;

/**
 * Seed of the storm in scenario 1 (deterministic fault sequence). 11 since an action's or trigger's create
 * reads its integration first (issue 22): with the extra reads, seed 5 no longer hit an agent create with a 503.
 */
export const STORM_SEED = 11;
