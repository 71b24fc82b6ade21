import * as http from "http";
import type { AddressInfo } from "net";

export interface StubRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}
export type StubReply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | "drop";

/** A scripted HTTP server on a random loopback port: each request gets the next reply (the last repeats). */
export async function startStub(replies: StubReply[] | ((req: StubRequest, index: number) => StubReply)) {
  const requests: StubRequest[] = [];
  const sockets = new Set<import("net").Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const record = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, at: Date.now() };
      requests.push(record);
      const index = requests.length - 1;
      const reply = typeof replies === "function" ? replies(record, index) : replies[Math.min(index, replies.length - 1)];
      if (reply === "drop") {
        req.socket.destroy();
        return;
      }
      setTimeout(() => {
        const text = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          "Content-Type": typeof reply.body === "string" ? "text/html" : "application/json",
          ...reply.headers,
        });
        res.end(text);
      }, reply.delayMs ?? 0);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
