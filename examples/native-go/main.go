// A Langdock integration with an action, and an agent that uses it, in Go (native langdock plugin).
package main

import (
	"pulumi-langdock/sdk/go/langdock"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		team := config.Get(ctx, "supportTeam")
		if team == "" {
			team = "Support"
		}
		crm, err := langdock.NewIntegration(ctx, "crm", &langdock.IntegrationArgs{
			Name:        pulumi.String("CRM"),
			Description: pulumi.String("Customer records"),
		})
		if err != nil {
			return err
		}
		lookup, err := langdock.NewAction(ctx, "lookupCustomer", &langdock.ActionArgs{
			IntegrationId: crm.ID().ToStringOutput(),
			Name:          pulumi.String("Lookup customer"),
			Description:   pulumi.String("Finds a customer by email address"),
			Code: pulumi.String(`const url = "https://crm.example.com/customers?email=" + encodeURIComponent(data.input.email);
const res = await ld.request({ method: "GET", url });
return res.json;`),
			InputFields: langdock.ActionInputFieldArray{
				langdock.ActionInputFieldArgs{Label: pulumi.String("Email"), Type: pulumi.String("TEXT"), Required: pulumi.Bool(true)},
			},
		})
		if err != nil {
			return err
		}
		support, err := langdock.NewAgent(ctx, "support", &langdock.AgentArgs{
			Name:                 pulumi.String(team + " assistant"),
			Instruction:          pulumi.String("Answer customer questions; look customers up by email first."),
			Actions:              langdock.AgentActionArray{langdock.AgentActionArgs{ActionId: lookup.ID().ToStringOutput()}},
			ConversationStarters: pulumi.StringArray{pulumi.String("Who is jane@example.com?")},
		})
		if err != nil {
			return err
		}
		ctx.Export("integrationId", crm.ID())
		ctx.Export("actionId", lookup.ID())
		ctx.Export("agentId", support.ID())
		return nil
	})
}
