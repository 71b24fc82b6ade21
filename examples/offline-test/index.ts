import { supportStack } from "./program";

export const { agentId, model } = supportStack();
