import * as pulumi from "@pulumi/pulumi";
import { Action, Agent, Integration, getModels } from "pulumi-langdock";

/**
 * A small program written the testable way: the resources are declared in a function (index.ts
 * calls it under `pulumi up`; stack.test.ts calls it under LocalEngine against the emulator). It
 * reads stack config and uses a lookup, which both work offline too.
 */
export function supportStack() {
  const config = new pulumi.Config();
  const team = config.require("team");
  const crm = new Integration("crm", {
    name: `${team} CRM`,
    authType: "OAUTH",
    oauthClient: { clientId: config.require("crmClientId"), clientSecret: config.requireSecret("crmClientSecret") },
  });
  const lookup = new Action("lookup", {
    integrationId: crm.id,
    name: "Lookup customer",
    code: "return { email: data.input.customerEmail };",
    inputFields: [{ label: "Customer email", required: true }],
  });
  // A lookup at plan time: the workspace's models (the first one, unless config names one).
  const model = pulumi.output(getModels()).apply((models) => config.get("model") ?? models[0]);
  const agent = new Agent("helper", {
    name: `${team} helper`,
    instruction: "Look customers up before answering.",
    model,
    actions: [{ actionId: lookup.id }],
  });
  return { agentId: agent.id, model };
}
