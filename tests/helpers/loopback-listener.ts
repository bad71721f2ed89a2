// A listener on 127.0.0.1 that stands in for "the network": tests assert nothing ever reaches it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackListener {
  /** "http://127.0.0.1:<port>" */
  base: string;
  /** The paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startLoopbackListener(): Promise<LoopbackListener> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? "");
    response.end("reached");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
