// Shared by the messaging tests: a customer with chosen consent, and outbound requests caught
// by a mocked global fetch (the Worker's own fetch handler is called directly, not through it).
import { vi } from "vitest";
import { signUp } from "../../../test/support/client";

export const MOBILE = "09121234567";
export const EMAIL = "sara@example.com";

type Consent = "granted" | "withdrawn" | "unknown";

export async function customerWith(consent: { sms?: Consent; email?: Consent }, contact: { mobile?: string; email?: string } = { mobile: MOBILE, email: EMAIL }) {
  const signedUp = await signUp();
  // A customer without a mobile needs a workspace CID of another kind.
  if (!contact.mobile) await signedUp.owner.patch("/api/settings", { cidKind: "issued" });
  const customer = await signedUp.owner.post("/api/customers", { firstName: "Sara", ...contact, consent });
  if (customer.status !== 201) throw new Error(`customer not created: ${customer.text}`);
  return { ...signedUp, customerId: customer.body.id as string };
}

export interface Outbound {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** Replaces global fetch: every outbound request is recorded and answered by `answer`. */
export function interceptFetch(answer: (request: Outbound) => Response | Promise<Response>) {
  const calls: Outbound[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const outbound = { method: request.method, url: request.url, headers: request.headers, body: new TextDecoder().decode(await request.arrayBuffer()) };
    calls.push(outbound);
    return answer(outbound);
  });
  return { calls, spy };
}

export const kavenegarAccepted = (messageid = 8792343) =>
  Response.json({
    return: { status: 200, message: "تایید شد" },
    entries: [{ messageid, message: "x", status: 1, statustext: "در صف ارسال", sender: "10004346", receptor: MOBILE, date: 1356619709, cost: 120 }],
  });

/** Everything written to the console while `run` runs, as one string. */
export async function consoleOutput(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const record = (...args: unknown[]) => void lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level).mockImplementation(record));
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join("\n");
}
