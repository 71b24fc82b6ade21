import { normalizationSuite } from "./suite";

// The seed pages' shape: GET /integrations/v1/{id} returns actions and triggers with code and input fields.
normalizationSuite("full");
