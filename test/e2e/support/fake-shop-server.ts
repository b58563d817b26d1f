// The fake WooCommerce shop (test/support/fake-shops) served over HTTP on a loopback port for the
// browser tests, so that the app under test connects to it and imports its history as it would
// a real shop's. Started by the global setup; its origin, keys and the size of its history are
// handed to the tests (inject("fakeShop")).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeWooCommerce } from "../../support/fake-shops/fake-woocommerce";

export interface FakeShopInfo {
  origin: string;
  consumerKey: string;
  consumerSecret: string;
  customers: number;
  orders: number;
}

/** Enough for an import of several pages (a page is a few records under the Free plan's query limit). */
const CUSTOMERS = 6;
const ORDERS = 12;

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeShop(): Promise<{ info: FakeShopInfo; stop: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const shop = new FakeWooCommerce(origin).seed(CUSTOMERS, ORDERS);
  server.on("request", (request, response) => {
    void (async () => {
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : await bodyOf(request);
      const headers = Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]]));
      const answer = await shop.handle(new Request(`${origin}${request.url}`, { method: request.method, headers, body }));
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  return {
    info: { origin, consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret, customers: CUSTOMERS, orders: ORDERS },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
