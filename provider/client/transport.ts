import { AxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from "axios";

/** What one attempt produced: an answer (any status), or a failure before a complete answer arrived. */
export type AttemptResult =
  | { kind: "response"; response: AxiosResponse }
  | { kind: "failure"; code: string; message: string; timedOut: boolean; notSent: boolean; error: unknown };

/** Connection failures that happen before a request is sent: safe to repeat even for a create. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Sends one attempt with a deadline on the WHOLE request, from connecting to the last byte of the
 * answer: axios' own `timeout` is an idle timer that a server trickling a byte at a time never trips.
 */
export async function sendOnce(http: AxiosInstance, config: AxiosRequestConfig, deadlineMs: number): Promise<AttemptResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadlineMs);
  try {
    return { kind: "response", response: await http.request({ ...config, signal: controller.signal, timeout: deadlineMs }) };
  } catch (err) {
    const code = err instanceof AxiosError ? (err.code ?? "") : "";
    const late = timedOut || code === "ECONNABORTED" || code === "ETIMEDOUT";
    return {
      kind: "failure",
      code: late ? "ETIMEDOUT" : code || "network error",
      message: late ? `no complete answer within ${deadlineMs} ms` : err instanceof Error ? err.message : String(err),
      timedOut: late,
      notSent: !late && NOT_SENT_CODES.has(code),
      // The cause kept is the socket's own error (code, syscall): never axios' error, whose config holds the Authorization header.
      error: err instanceof AxiosError ? (err.cause ?? new Error(err.message)) : err,
    };
  } finally {
    clearTimeout(timer);
  }
}
