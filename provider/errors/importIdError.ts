import { LangdockError, type LangdockErrorCode } from "./langdockError";

/** `pulumi import` named an object in a form its kind does not take, or a kind that cannot be imported. */
export class ImportIdError extends LangdockError {
  override readonly code: LangdockErrorCode = "import_id";

  /** `form` is what the id should look like, e.g. `<integrationId>/<actionId>`. */
  static malformed(type: string, id: string, form: string): ImportIdError {
    return new ImportIdError(
      `The import id ${JSON.stringify(id)} of ${type} must have the form ${form}: pass \`pulumi import ${type} <name> ${form}\`.`,
    );
  }

  static unsupported(type: string, why: string): ImportIdError {
    return new ImportIdError(`${type} cannot be imported: ${why}.`);
  }
}
