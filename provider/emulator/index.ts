/** The Langdock API emulator (also published as `pulumi-langdock/testing`). */
export { LangdockEmulator, DEFAULT_MODELS } from "./server";
export type {
  ApiScope,
  DropAfterCommitFault,
  EmulatorFaults,
  EmulatorOptions,
  EmulatorSnapshot,
  FailNextFault,
  FaultKind,
  KnowledgeRole,
  RateLimit,
  RequestLogEntry,
  RequestMatch,
  StallFault,
  StormFault,
} from "./types";
export type { Issue } from "./httpError";
export type { ProcessingFailure } from "./knowledge";
