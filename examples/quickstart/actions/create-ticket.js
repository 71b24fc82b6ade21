// Create ticket: opens a ticket in the internal tracker and returns its id.
// Input fields: "Title" (data.input.title), "Priority" (data.input.priority, a SELECT of low/medium/high).
// Auth field: "API key" (data.auth.apiKey).
const PRIORITIES = ["low", "medium", "high"];
const title = String(data.input.title ?? "").trim();
const priority = data.input.priority || "medium";
if (!title) throw new Error("Title is required.");
// Agents fill SELECT fields too; reject a value outside the options instead of filing a bad ticket.
if (!PRIORITIES.includes(priority)) {
  throw new Error(`Priority must be one of ${PRIORITIES.join(", ")}; got "${priority}".`);
}

const response = await ld.request({
  method: "POST",
  url: "https://internal.example.com/api/tickets",
  headers: { Authorization: `Bearer ${data.auth.apiKey}`, "Content-Type": "application/json" },
  body: { title, priority },
});

if (response.status !== 201) {
  const reason = response.json?.message ?? response.text;
  throw new Error(`Creating the ticket failed with HTTP ${response.status}${reason ? `: ${reason}` : ""}.`);
}
return { ticketId: response.json.id };
