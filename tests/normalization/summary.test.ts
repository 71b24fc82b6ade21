import { normalizationSuite } from "./suite";

// The documented shape: GET /integrations/v1/{id} returns only a summary of actions and triggers.
normalizationSuite("summary");
