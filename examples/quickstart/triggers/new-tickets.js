// New tickets: polls for tickets created in the last hour.
// Each event's id is the ticket id, so Langdock can tell events apart.
const since = new Date(Date.now() - 60 * 60 * 1000).toISOString();
const response = await ld.request({
  method: "GET",
  url: "https://internal.example.com/api/tickets",
  headers: { Authorization: `Bearer ${data.auth.apiKey}` },
  params: { createdAfter: since },
});
if (response.status !== 200) {
  throw new Error(`Listing tickets failed: HTTP ${response.status}`);
}
return (response.json.tickets ?? []).map((t) => ({
  id: String(t.id),
  timestamp: t.createdAt,
  data: { title: t.title, priority: t.priority },
}));
