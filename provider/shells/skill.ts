import { makeShell } from "./make";

// `pulumi-langdock/shells/<kind>`, as for every kind: state that requires it must keep working.
export = makeShell("Skill");
