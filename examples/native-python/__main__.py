"""A Langdock integration with an action, and an agent that uses it, in Python (native langdock plugin)."""
import pulumi
import pulumi_langdock as langdock

config = pulumi.Config()
team = config.get("supportTeam") or "Support"

crm = langdock.Integration("crm", name="CRM", description="Customer records")

lookup_customer = langdock.Action(
    "lookupCustomer",
    integration_id=crm.id,
    name="Lookup customer",
    description="Finds a customer by email address",
    code='const url = "https://crm.example.com/customers?email=" + encodeURIComponent(data.input.email);\n'
    "const res = await ld.request({ method: \"GET\", url });\n"
    "return res.json;",
    input_fields=[langdock.ActionInputFieldArgs(label="Email", type="TEXT", required=True)],
)

support = langdock.Agent(
    "support",
    name=f"{team} assistant",
    instruction="Answer customer questions; look customers up by email first.",
    actions=[langdock.AgentActionArgs(action_id=lookup_customer.id)],
    conversation_starters=["Who is jane@example.com?"],
)

pulumi.export("integrationId", crm.id)
pulumi.export("actionId", lookup_customer.id)
pulumi.export("agentId", support.id)
pulumi.export("models", langdock.get_models().models)
