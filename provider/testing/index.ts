/**
 * Test tooling published as `pulumi-langdock/testing`: drive the real dynamic-provider host over gRPC
 * (`startProviderHost`) and run programs through a small local engine (`LocalEngine`) without a Pulumi CLI,
 * against the Langdock emulator (`LangdockEmulator`).
 */
export * from "../emulator";
export * from "./host";
export * from "./engine";
export { runAction, runTrigger, CodeRunError } from "./codeRunner";
export type {
  RunOptions,
  TriggerRunOptions,
  RunResult as CodeRunResult,
  RecordedRequest,
  MockResponse,
  RequestHandler,
  RequestRoute,
  TriggerEvent,
  CodeRunFailure,
} from "./codeRunner";
export { sealState, openState, type SealedState } from "./stateFile";
export { fieldSlug } from "../common/slug";
