// A listener on 127.0.0.1 that stands in for "the network": tests assert nothing ever reaches it.
// A bare connection counts too: a preconnect or DNS-prefetched host opens one without a request.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackListener {
  /** "http://127.0.0.1:<port>" */
  base: string;
  /** "connection" for each TCP connection, then the path of each request, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startLoopbackListener(): Promise<LoopbackListener> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? "");
    response.end("reached");
  });
  server.on("connection", () => hits.push("connection"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
