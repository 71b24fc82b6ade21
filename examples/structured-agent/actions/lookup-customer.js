// Looks a customer up by email in the CRM; data.auth holds the connection's API key.
const response = await ld.request({
  method: "GET",
  url: `https://crm.example.com/api/customers?email=${encodeURIComponent(data.input.email)}`,
  headers: { Authorization: `Bearer ${data.auth.apiKey}` },
});
return response.json;
