// Get user: looks up one user of the internal API by id and returns it as JSON.
// Input field: "User" (data.input.user, the user id: Langdock passes each field under the camelCase of
// its label, so "User ID" would be data.input.userId). Auth field: "API key" (data.auth.apiKey).
const userId = String(data.input.user ?? "").trim();
if (!userId) throw new Error("User ID is required.");

const response = await ld.request({
  method: "GET",
  url: `https://internal.example.com/api/users/${encodeURIComponent(userId)}`,
  headers: { Authorization: `Bearer ${data.auth.apiKey}`, Accept: "application/json" },
});

// ld.request does not throw for error statuses: turn them into messages the agent can relay.
if (response.status === 404) throw new Error(`No user with id ${userId} exists.`);
if (response.status !== 200) throw new Error(`The user API answered HTTP ${response.status} for user ${userId}.`);
return response.json;
