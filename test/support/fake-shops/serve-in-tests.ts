// Routes the Worker's outgoing calls to in-process fake shops by origin (workers tests only): a
// call to any other origin fails as an unreachable host would.
import { vi } from "vitest";

export interface FakeShop {
  readonly origin: string;
  handle(request: Request): Promise<Response>;
}

export function serveFakeShops(...shops: FakeShop[]) {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const shop = shops.find((candidate) => candidate.origin === new URL(request.url).origin);
    if (!shop) throw new TypeError(`fetch failed: nothing answers at ${new URL(request.url).origin}`);
    return shop.handle(request);
  });
}
