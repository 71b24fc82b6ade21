import { AsyncLocalStorage } from "async_hooks";

/**
 * What one provider operation (a Create, an Update …) carries down to the code that does the work, without
 * threading it through every signature: where its messages go, and by when it must be over. The dynamic
 * host runs no scope (messages go to stderr, no deadline); the native plugin runs every gRPC call in one, so
 * a warning reaches the engine's log with the resource's URN and `customTimeouts` bounds the whole operation,
 * retries and rate-limit pauses included (the client reads `deadline` before each attempt and each pause).
 */
export interface OperationScope {
  /** Where warnings and progress lines go instead of stderr. */
  report?(severity: "warning" | "info", message: string): void;
  /** Epoch milliseconds after which no new request, retry or pause may start. */
  deadline?: number;
  /** What the deadline is called in messages, e.g. `customTimeouts.create (30s)`. */
  deadlineName?: string;
}

const scopes = new AsyncLocalStorage<OperationScope>();

/** Runs `operation` with `scope` visible to everything it awaits. */
export function inOperation<T>(scope: OperationScope, operation: () => Promise<T>): Promise<T> {
  return scopes.run(scope, operation);
}

/** The scope of the operation running now (an empty one outside any). */
export function currentOperation(): OperationScope {
  return scopes.getStore() ?? {};
}

/** Milliseconds left before the operation's deadline (Infinity without one). */
export function timeLeft(now = Date.now()): number {
  const { deadline } = currentOperation();
  return deadline === undefined ? Infinity : deadline - now;
}
