import type * as pulumi from "@pulumi/pulumi";
import { LangdockResource, outputNames, type Out } from "../resource";
import type { AuthFieldType, AuthType } from "./spec";
import { integrationSpec } from "./spec";
import type { IntegrationOutputs } from "./wire";

/** A credential field users fill in when they connect to the integration. */
export interface AuthFieldArgs {
  /** Key the value is stored under (`data.auth.<slug>` in action code), at most 100 characters, unique. */
  slug: pulumi.Input<string>;
  /** Label shown to users, at most 100 characters. */
  label: pulumi.Input<string>;
  /** TEXT, MULTI_LINE_TEXT, PASSWORD, NUMBER or EMBEDDING_MODEL. */
  type: pulumi.Input<AuthFieldType>;
  /** Help text, at most 500 characters. */
  description?: pulumi.Input<string>;
  /** Placeholder, at most 200 characters. */
  placeholder?: pulumi.Input<string>;
  /** Whether users must fill it in; default `false`. */
  required?: pulumi.Input<boolean>;
}

/** The OAuth client of an `OAUTH` integration. The whole object is a secret output. */
export interface OAuthClientArgs {
  /** OAuth client id. */
  clientId: pulumi.Input<string>;
  /** OAuth client secret: write-only in Langdock, so refresh cannot see changes made there. Pass it as a secret (`config.requireSecret`). */
  clientSecret: pulumi.Input<string>;
  /** Authorization endpoint URL. */
  authUrl?: pulumi.Input<string>;
  /** Token endpoint URL. */
  tokenUrl?: pulumi.Input<string>;
  /** Requested scopes, space-separated. */
  scopes?: pulumi.Input<string>;
  /** Label shown on the connect button. */
  label?: pulumi.Input<string>;
  /** Custom JavaScript for the authorization step. */
  authorizationCode?: pulumi.Input<string>;
  /** Custom JavaScript that exchanges the code for an access token. */
  accessTokenCode?: pulumi.Input<string>;
  /** Custom JavaScript that refreshes the access token. */
  refreshTokenCode?: pulumi.Input<string>;
}

export interface IntegrationArgs {
  /** Integration name, 1–40 characters. */
  name: pulumi.Input<string>;
  /** At most 90 characters. */
  description?: pulumi.Input<string>;
  /** URL of the icon shown in Langdock (or use `icon` to upload a file). */
  iconUrl?: pulumi.Input<string>;
  /**
   * Icon file to upload: a path relative to the program's folder, or a `pulumi.asset.FileAsset`. PNG, JPEG
   * or WebP (checked by extension and content), at most 20 MB. Compared by content: check stores its sha256
   * (`iconHash`), never the bytes, and an unchanged file costs no call. Langdock cannot remove an uploaded
   * icon, so removing `icon` from the program leaves it as it is. Not together with `iconUrl`.
   */
  icon?: pulumi.Input<string | pulumi.asset.FileAsset>;
  /** Accent color, e.g. `"#4f46e5"`. */
  color?: pulumi.Input<string>;
  /** NONE (default), API_KEY, OAUTH, OAUTH_DCR or SERVICE_ACCOUNT. Changing it deletes every user's existing connection to the integration. Required when any other auth input is set. */
  authType?: pulumi.Input<AuthType>;
  /** Credential fields users fill in (replaced as a whole). */
  authFields?: pulumi.Input<pulumi.Input<AuthFieldArgs>[]>;
  /** JavaScript that tests a connection, at most 1,000 characters. */
  authTestCode?: pulumi.Input<string>;
  /** OAuth client; only with authType OAUTH or OAUTH_DCR. */
  oauthClient?: pulumi.Input<OAuthClientArgs>;
  /** Take over this existing integration instead of creating one (read at the first `up`, then updated to match). Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
  /**
   * `["oauthClient.clientSecret"]`: Langdock never returns the client secret, so the program's value is
   * not compared and never causes a write; it is sent only with another auth change (what
   * `pulumi-langdock export` writes). Remove the entry to rotate the secret from the program.
   */
  unmanaged?: pulumi.Input<pulumi.Input<"oauthClient.clientSecret">[]>;
}

/**
 * A Langdock integration with its auth configuration. Langdock has no API to delete integrations:
 * `pulumi destroy` marks it `[removed by Pulumi]` in its description (after its actions and triggers are
 * deleted), and a later `up` that declares an integration of the same name reuses it.
 */
export class Integration extends LangdockResource {
  declare readonly name: Out<IntegrationArgs["name"]>;
  declare readonly description: Out<IntegrationArgs["description"]>;
  declare readonly iconUrl: Out<IntegrationArgs["iconUrl"]>;
  /** The icon file's path, as the program gave it. */
  declare readonly icon: Out<string | undefined>;
  /** sha256 (hex) of the last uploaded icon file. */
  declare readonly iconHash: Out<string | undefined>;
  declare readonly color: Out<IntegrationArgs["color"]>;
  /** `NONE` when the program sets no auth. */
  declare readonly authType: Out<AuthType>;
  declare readonly authFields: Out<IntegrationArgs["authFields"]>;
  declare readonly authTestCode: Out<IntegrationArgs["authTestCode"]>;
  /** A secret output: it holds the OAuth client secret. */
  declare readonly oauthClient: Out<IntegrationArgs["oauthClient"]>;
  /** When Langdock created the integration (ISO 8601). */
  declare readonly createdAt: Out<string | undefined>;
  constructor(name: string, args: IntegrationArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<IntegrationOutputs>({
      name: true,
      description: true,
      iconUrl: true,
      icon: true,
      iconHash: true,
      color: true,
      authType: true,
      authFields: true,
      authTestCode: true,
      oauthClient: true,
      createdAt: true,
    });
    super("Integration", integrationSpec, name, args, outputs, opts);
  }
}
