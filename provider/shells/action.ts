import { makeShell } from "./make";

// The entry point 0.1.0 state requires (`require("pulumi-langdock/shells/<kind>")`): keep it forever.
export = makeShell("Action");
