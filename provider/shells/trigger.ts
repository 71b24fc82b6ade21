import { makeShell } from "./make";

// module.exports is the provider object itself, so an installed package serializes as a require().
export = makeShell("Trigger");
