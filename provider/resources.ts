import * as pulumi from "@pulumi/pulumi";
import { serializableProvider } from "./shells/make";
import { MODULE, allOutputs, type Out } from "./common/resourceClass";

// Plain objects, not the `shells/<kind>` modules' exports, so `__provider` is serialized by value (see make.ts).
const integrationShell = serializableProvider("Integration");
const actionShell = serializableProvider("Action");
const triggerShell = serializableProvider("Trigger");
const agentShell = serializableProvider("Agent");

/** An option of a SELECT input field. */
export interface SelectOption {
  /** Text shown in the dropdown (1–100 characters). */
  label: string;
  /** Value passed to the code (1–200 characters). */
  value: string;
}

/** A field the user (or the agent) fills in when an action or trigger runs. */
export interface InputFieldArgs {
  /** Field label, 1–100 characters. Langdock derives the field's `slug` (the key in `data.input`) from it. */
  label: pulumi.Input<string>;
  /** Field type; default `"TEXT"`. Actions: TEXT, MULTI_LINE_TEXT, NUMBER, BOOLEAN, SELECT, PASSWORD, VECTOR, OBJECT, FILE, ID. Triggers: TEXT through VECTOR. */
  type?: pulumi.Input<string>;
  /** Help text, at most 500 characters. */
  description?: pulumi.Input<string>;
  /** Placeholder, at most 200 characters. */
  placeholder?: pulumi.Input<string>;
  /** Whether a value is required; default `false`. */
  required?: pulumi.Input<boolean>;
  /** Choices of a SELECT field (only with `type: "SELECT"`); their order is not significant for diffs. */
  options?: pulumi.Input<pulumi.Input<SelectOption>[]>;
  /** Whether several options may be chosen (only with `type: "SELECT"`). */
  allowMultiSelect?: pulumi.Input<boolean>;
  /** Actions only: id of an action that supplies this field's options dynamically. */
  contextActionId?: pulumi.Input<string>;
  /** Set by Langdock (present on `inputFields` outputs); accepted and ignored, never sent. */
  slug?: pulumi.Input<string>;
  /** Set by Langdock (present on `inputFields` outputs); accepted and ignored, never sent. */
  order?: pulumi.Input<number>;
}

/** A credential field users fill in when they connect to the integration. */
export interface AuthFieldArgs {
  /** Key the value is stored under (`data.auth.<slug>` in action code), at most 100 characters, unique. */
  slug: pulumi.Input<string>;
  /** Label shown to users, at most 100 characters. */
  label: pulumi.Input<string>;
  /** TEXT, MULTI_LINE_TEXT, PASSWORD, NUMBER or EMBEDDING_MODEL. */
  type: pulumi.Input<string>;
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
  /** URL of the icon shown in Langdock. */
  iconUrl?: pulumi.Input<string>;
  /** Accent color, e.g. `"#4f46e5"`. */
  color?: pulumi.Input<string>;
  /** NONE (default), API_KEY, OAUTH, OAUTH_DCR or SERVICE_ACCOUNT. Changing it deletes every user's existing connection to the integration. Required when any other auth input is set. */
  authType?: pulumi.Input<string>;
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

export interface ActionArgs {
  /** Id of the integration the action belongs to. Changing it replaces the action. */
  integrationId: pulumi.Input<string>;
  /** Action name, 1–100 characters, unique within the integration. */
  name: pulumi.Input<string>;
  /** At most 1,000 characters; agents read it to decide when to call the action. */
  description?: pulumi.Input<string>;
  /** JavaScript run in Langdock's sandbox, at most 40,000 characters (see `codeFromFile`). Trailing whitespace is not significant. */
  code?: pulumi.Input<string>;
  /** Whether users confirm each run; default `false`. */
  requiresConfirmation?: pulumi.Input<boolean>;
  /** Fields the agent fills in when it calls the action. */
  /** Another action's or trigger's `inputFields` output may be passed as is (its `slug` and `order` are ignored). */
  inputFields?: pulumi.Input<pulumi.Input<InputFieldArgs>[] | undefined>;
  /** Take over this existing action of the integration instead of creating one. Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
  /**
   * Properties this program leaves as they are in Langdock (what `pulumi-langdock export` could not read):
   * never compared, never cleared. Code is kept by omitting it; an update resends the others as Langdock
   * reports them, and fails without writing when Langdock's answer does not include them.
   */
  unmanaged?: pulumi.Input<pulumi.Input<"code" | "inputFields" | "requiresConfirmation">[]>;
}

export interface TriggerArgs {
  /** Id of the integration the trigger belongs to. Changing it replaces the trigger. */
  integrationId: pulumi.Input<string>;
  /** Trigger name, 1–100 characters, unique within the integration. */
  name: pulumi.Input<string>;
  /** At most 90 characters. */
  description?: pulumi.Input<string>;
  /** JavaScript that polls for new events, at most 1,000 characters. */
  pollingCode?: pulumi.Input<string>;
  /** Fields users fill in when they set the trigger up (types TEXT through VECTOR). */
  /** Another action's or trigger's `inputFields` output may be passed as is (its `slug` and `order` are ignored). */
  inputFields?: pulumi.Input<pulumi.Input<InputFieldArgs>[] | undefined>;
  /** Take over this existing trigger of the integration instead of creating one. Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
  /** Properties this program leaves as they are in Langdock, as for {@link ActionArgs.unmanaged}. */
  unmanaged?: pulumi.Input<pulumi.Input<"pollingCode" | "inputFields">[]>;
}

export interface AgentActionArgs {
  /** Id of an action, e.g. `action.id`. */
  actionId: pulumi.Input<string>;
  /** Whether users confirm each call; default `true` (always sent explicitly). */
  requiresConfirmation?: pulumi.Input<boolean>;
}

export interface AgentInputFieldArgs {
  /** Unique key of the field. */
  slug: pulumi.Input<string>;
  /** TEXT, MULTI_LINE_TEXT, NUMBER, CHECKBOX, FILE, SELECT or DATE. */
  type: pulumi.Input<string>;
  /** Label shown in the form. */
  label: pulumi.Input<string>;
  /** Help text, at most 500 characters. */
  description?: pulumi.Input<string>;
  /** Whether a value is required; default `false`. */
  required?: pulumi.Input<boolean>;
  /** 0-based display position; default: its position in the list. */
  order?: pulumi.Input<number>;
  /** Choices of a SELECT field. */
  options?: pulumi.Input<pulumi.Input<string>[]>;
  /** Allowed file types of a FILE field. */
  fileTypes?: pulumi.Input<pulumi.Input<string>[]>;
}

export interface AgentArgs {
  /** Agent name, 1–80 characters. */
  name: pulumi.Input<string>;
  /** At most 500 characters. */
  description?: pulumi.Input<string>;
  /** Emoji icon, at most 16 characters. */
  emoji?: pulumi.Input<string>;
  /** System prompt, at most 40,000 characters. */
  instruction?: pulumi.Input<string>;
  /** `"PROMPT"` (default) or `"STRUCTURED"` (a form built from `inputFields`). */
  inputType?: pulumi.Input<string>;
  /** Model deployment name (see `getModels()`); the workspace default when absent. An unknown name fails with the list of valid ones. */
  model?: pulumi.Input<string>;
  /** Temperature from 0 to 1; default 0.3. */
  creativity?: pulumi.Input<number>;
  /** Suggested prompts: at most 20, each 1–255 characters. */
  conversationStarters?: pulumi.Input<pulumi.Input<string>[]>;
  /** Actions the agent may call. */
  actions?: pulumi.Input<pulumi.Input<AgentActionArgs>[]>;
  /** Form fields, only with `inputType: "STRUCTURED"`. */
  inputFields?: pulumi.Input<pulumi.Input<AgentInputFieldArgs>[]>;
  /** Attachment ids, e.g. `[handbook.id]` of an `Attachment` resource. */
  attachments?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Ids of knowledge bases the agent searches (see `getKnowledgeBases()`). Langdock's samples and public
   * clients use this field but its reference tables do not list it: it is sent only when the program sets it
   * (and `[]` once the program removes it again).
   */
  knowledgeFolderIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Web search; default `false`. */
  webSearch?: pulumi.Input<boolean>;
  /** Image generation; default `false`. */
  imageGeneration?: pulumi.Input<boolean>;
  /** Code interpreter (Langdock's "data analyst"); default `false`. */
  dataAnalyst?: pulumi.Input<boolean>;
  /** Canvas; default `false`. */
  canvas?: pulumi.Input<boolean>;
  /** Take over this existing agent instead of creating one (read at the first `up`, then updated and published to match). Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
}

/** An input field as stored in outputs: the inputs plus Langdock's `slug` and `order`. */
type StoredInputField = pulumi.Unwrap<InputFieldArgs> & { slug: string; order: number };

/**
 * A Langdock integration with its auth configuration. Langdock has no API to delete integrations:
 * `pulumi destroy` removes it from the state and says how to delete it in Langdock's web app.
 */
export class Integration extends pulumi.dynamic.Resource {
  declare readonly name: Out<IntegrationArgs["name"]>;
  declare readonly description: Out<IntegrationArgs["description"]>;
  declare readonly iconUrl: Out<IntegrationArgs["iconUrl"]>;
  declare readonly color: Out<IntegrationArgs["color"]>;
  /** `NONE` when the program sets no auth. */
  declare readonly authType: Out<string>;
  declare readonly authFields: Out<IntegrationArgs["authFields"]>;
  declare readonly authTestCode: Out<IntegrationArgs["authTestCode"]>;
  /** A secret output: it holds the OAuth client secret. */
  declare readonly oauthClient: Out<IntegrationArgs["oauthClient"]>;
  declare readonly createdAt: Out<string | undefined>;
  constructor(name: string, args: IntegrationArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = allOutputs("description", "iconUrl", "color", "authType", "authFields", "authTestCode", "oauthClient", "createdAt");
    const secretOutputs = { additionalSecretOutputs: ["oauthClient"] };
    super(integrationShell, name, { ...outputs, ...args }, pulumi.mergeOptions(opts, secretOutputs), MODULE, "Integration");
  }
}

/** An action (JavaScript agents can run) on an integration. Delete removes it from Langdock. */
export class Action extends pulumi.dynamic.Resource {
  declare readonly integrationId: Out<ActionArgs["integrationId"]>;
  declare readonly name: Out<ActionArgs["name"]>;
  declare readonly description: Out<ActionArgs["description"]>;
  declare readonly code: Out<ActionArgs["code"]>;
  declare readonly requiresConfirmation: Out<boolean>;
  declare readonly inputFields: Out<StoredInputField[] | undefined>;
  /** Server-generated identifier derived from the name. */
  declare readonly slug: Out<string>;
  /** Position among the integration's actions. */
  declare readonly order: Out<number>;
  constructor(name: string, args: ActionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = allOutputs("description", "code", "requiresConfirmation", "inputFields", "slug", "order");
    super(actionShell, name, { ...outputs, ...args }, opts, MODULE, "Action");
  }
}

/** A polling trigger on an integration. Delete removes it from Langdock. */
export class Trigger extends pulumi.dynamic.Resource {
  declare readonly integrationId: Out<TriggerArgs["integrationId"]>;
  declare readonly name: Out<TriggerArgs["name"]>;
  declare readonly description: Out<TriggerArgs["description"]>;
  declare readonly pollingCode: Out<TriggerArgs["pollingCode"]>;
  declare readonly inputFields: Out<StoredInputField[] | undefined>;
  /** Server-generated identifier derived from the name. */
  declare readonly slug: Out<string>;
  constructor(name: string, args: TriggerArgs, opts?: pulumi.CustomResourceOptions) {
    super(triggerShell, name, { ...allOutputs("description", "pollingCode", "inputFields", "slug"), ...args }, opts, MODULE, "Trigger");
  }
}

/**
 * An agent (assistant). Updates are published so the live agent matches the program. Langdock has no
 * API to delete agents: `pulumi destroy` disables it.
 */
export class Agent extends pulumi.dynamic.Resource {
  declare readonly name: Out<AgentArgs["name"]>;
  declare readonly description: Out<AgentArgs["description"]>;
  declare readonly emoji: Out<AgentArgs["emoji"]>;
  declare readonly instruction: Out<AgentArgs["instruction"]>;
  declare readonly inputType: Out<string>;
  /** The model in use: the program's, or the workspace default Langdock chose. */
  declare readonly model: Out<string>;
  declare readonly creativity: Out<number>;
  declare readonly conversationStarters: Out<AgentArgs["conversationStarters"]>;
  declare readonly actions: Out<Array<{ actionId: string; requiresConfirmation: boolean }> | undefined>;
  declare readonly inputFields: Out<AgentArgs["inputFields"]>;
  declare readonly attachments: Out<AgentArgs["attachments"]>;
  declare readonly knowledgeFolderIds: Out<AgentArgs["knowledgeFolderIds"]>;
  declare readonly webSearch: Out<boolean>;
  declare readonly imageGeneration: Out<boolean>;
  declare readonly dataAnalyst: Out<boolean>;
  declare readonly canvas: Out<boolean>;
  /** True when the agent is disabled in Langdock (after `pulumi destroy`, or in the UI); `up` re-enables it. */
  declare readonly disabled: Out<boolean>;
  declare readonly createdAt: Out<string | undefined>;
  declare readonly updatedAt: Out<string | undefined>;
  constructor(name: string, args: AgentArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = allOutputs(
      ...["description", "emoji", "instruction", "inputType", "model", "creativity", "conversationStarters", "actions", "inputFields"],
      ...[
        "attachments",
        "knowledgeFolderIds",
        "webSearch",
        "imageGeneration",
        "dataAnalyst",
        "canvas",
        "disabled",
        "createdAt",
        "updatedAt",
      ],
    );
    super(agentShell, name, { ...outputs, ...args }, opts, MODULE, "Agent");
  }
}
