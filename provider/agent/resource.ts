import type * as pulumi from "@pulumi/pulumi";
import { LangdockResource, outputNames, type Out } from "../resource";
import type { AgentFieldType, InputType } from "./spec";
import { agentSpec } from "./spec";
import type { AgentOutputs } from "./wire";

export interface AgentActionArgs {
  /** Id of an action, e.g. `action.id`. */
  actionId: pulumi.Input<string>;
  /** Whether users confirm each call; default `true` (always sent explicitly). */
  requiresConfirmation?: pulumi.Input<boolean>;
}

export interface AgentInputFieldArgs {
  /** Unique key of the field, 1–64 characters. Langdock's answers do not show it: the program's value is kept. */
  slug: pulumi.Input<string>;
  /** TEXT, MULTI_LINE_TEXT, NUMBER, CHECKBOX, FILE, SELECT, MULTI_SELECT, DATE or EMAIL. */
  type: pulumi.Input<AgentFieldType>;
  /** Label shown in the form, 1–255 characters. */
  label: pulumi.Input<string>;
  /** Help text, at most 512 characters. */
  description?: pulumi.Input<string>;
  /** Whether a value is required; default `false`. */
  required?: pulumi.Input<boolean>;
  /** 0-based display position; default: its position in the list. */
  order?: pulumi.Input<number>;
  /** Choices of a SELECT or MULTI_SELECT field. Langdock's answers do not show them: the program's value is kept. */
  options?: pulumi.Input<pulumi.Input<string>[]>;
  /** Allowed file types of a FILE field. Langdock's answers do not show them: the program's value is kept. */
  fileTypes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Only addresses of this domain are accepted (EMAIL fields), e.g. `"example.com"`. */
  emailDomain?: pulumi.Input<string>;
}

export interface AgentArgs {
  /**
   * Agent name, 1–255 characters (some Langdock deployments accept only 80: they refuse a longer one at
   * `pulumi up`, naming `name`).
   */
  name: pulumi.Input<string>;
  /** At most 800 characters (some deployments accept 500 or 256). */
  description?: pulumi.Input<string>;
  /** Emoji icon, at most 16 characters. */
  emoji?: pulumi.Input<string>;
  /** System prompt, at most 50,000 characters (some deployments accept 40,000). */
  instruction?: pulumi.Input<string>;
  /**
   * How the agent is started: `"PROMPT"` (default, a chat), `"STRUCTURED"` (a form built from `inputFields`),
   * or `"INTEGRATION"`, `"SCHEDULED"`, `"WEBHOOK"` (started by an integration, a schedule or a webhook).
   */
  inputType?: pulumi.Input<InputType>;
  /**
   * Model deployment name (see `getModels()`); the workspace default when absent. An unknown name fails
   * with the list of valid ones; a workspace without a default model needs it.
   */
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
  /**
   * Ignored by Langdock since late 2026 ("accepted for compatibility and ignored"): it no longer switches
   * the data analyst on or off. Kept so older programs still run; never sent, never compared, and
   * `pulumi preview` warns while it is set. Remove it.
   * @deprecated Langdock ignores it.
   */
  dataAnalyst?: pulumi.Input<boolean>;
  /** Canvas; default `false`. */
  canvas?: pulumi.Input<boolean>;
  /**
   * Extended thinking (the model reasons before answering); default `false`. Only models whose
   * `supportsExtendedThinking` is true in Langdock's model list support it: on another model `pulumi up`
   * fails, naming the models that do.
   */
  extendedThinking?: pulumi.Input<boolean>;
  /** Take over this existing agent instead of creating one (read at the first `up`, then updated and published to match). Changing it later has no effect. */
  adoptId?: pulumi.Input<string>;
}

/**
 * An agent (assistant). Updates are published so the live agent matches the program. Langdock has no
 * API to delete agents: `pulumi destroy` disables it.
 */
export class Agent extends LangdockResource {
  declare readonly name: Out<AgentArgs["name"]>;
  declare readonly description: Out<AgentArgs["description"]>;
  declare readonly emoji: Out<AgentArgs["emoji"]>;
  declare readonly instruction: Out<AgentArgs["instruction"]>;
  declare readonly inputType: Out<InputType>;
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
  /** What the program set (Langdock ignores it). */
  declare readonly dataAnalyst: Out<boolean>;
  declare readonly canvas: Out<boolean>;
  declare readonly extendedThinking: Out<boolean>;
  /** True when the agent is disabled in Langdock (after `pulumi destroy`, or in the UI); `up` re-enables it. */
  declare readonly disabled: Out<boolean>;
  /** When Langdock created the agent (ISO 8601). */
  declare readonly createdAt: Out<string | undefined>;
  /** When the agent last changed in Langdock (ISO 8601). */
  declare readonly updatedAt: Out<string | undefined>;
  constructor(name: string, args: AgentArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<AgentOutputs>({
      name: true,
      description: true,
      emoji: true,
      instruction: true,
      inputType: true,
      model: true,
      creativity: true,
      conversationStarters: true,
      actions: true,
      inputFields: true,
      attachments: true,
      knowledgeFolderIds: true,
      webSearch: true,
      imageGeneration: true,
      dataAnalyst: true,
      canvas: true,
      extendedThinking: true,
      disabled: true,
      createdAt: true,
      updatedAt: true,
    });
    super("Agent", agentSpec, name, args, outputs, opts);
  }
}
