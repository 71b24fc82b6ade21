import { normalizationSuite } from "./suite";

// Langdock's GET /integrations/v1/{id} in late 2026: actions with code and their input fields in no particular
// order with extra fields, triggers without polling code and input fields.
normalizationSuite("live");
