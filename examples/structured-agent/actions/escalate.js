// Escalates a ticket; the OAuth access token comes from the user's connection.
const response = await ld.request({
  method: "POST",
  url: `https://tickets.example.com/api/tickets/${encodeURIComponent(data.input.ticketId)}/escalate`,
  headers: { Authorization: `Bearer ${data.auth.access_token}` },
  body: { reason: data.input.reason ?? "" },
});
return { escalated: response.status === 200 };
