import { withoutCredentials } from "../base/text";
import type { RequestInfo } from "./apiError";
import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** The base URL does not lead to Langdock's public API (HTML or empty 404s, redirects): a configuration error. */
export class BaseUrlError extends LangdockError {
  override readonly code: LangdockErrorCode = "base_url";
  constructor(
    readonly status: number,
    readonly request: RequestInfo,
    what: string,
    baseUrl: string,
  ) {
    super(
      `Langdock's API did not answer ${request.method} ${request.path}: HTTP ${status} ${what}, so langdock:baseUrl (${withoutCredentials(baseUrl)}) does not point at Langdock's public API; set it to https://api.langdock.com or https://<deployment>/api/public.`,
    );
  }
}
