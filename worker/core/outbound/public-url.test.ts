import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";
import { isPublicHost, urlRefusal } from "./public-url";

const count = async () => (await env.DB.prepare("SELECT count(*) AS n FROM webhook_subscriptions").first<{ n: number }>())!.n;

const REFUSED: Array<[string, string]> = [
  ["http://hooks.example.com/x", "url_https_required"],
  ["http://2130706433/x", "url_https_required"],
  ["ftp://hooks.example.com/x", "url_https_required"],
  ["hooks.example.com/x", "invalid_url"],
  ["https://user:pass@hooks.example.com/x", "url_has_credentials"],
  ["https://token@hooks.example.com/x", "url_has_credentials"],
  ["https://localhost/x", "url_not_public"],
  ["https://localhost./x", "url_not_public"],
  ["https://app.localhost/x", "url_not_public"],
  ["https://printer.local/x", "url_not_public"],
  ["https://api.internal/x", "url_not_public"],
  ["https://router.home.arpa/x", "url_not_public"],
  ["https://metadata/computeMetadata", "url_not_public"],
  ["https://127.0.0.1/x", "url_not_public"],
  ["https://127.1/x", "url_not_public"],
  ["https://0177.0.0.1/x", "url_not_public"],
  ["https://2130706433/x", "url_not_public"],
  ["https://0x7f000001/x", "url_not_public"],
  ["https://0.0.0.0/x", "url_not_public"],
  ["https://10.1.2.3/x", "url_not_public"],
  ["https://172.16.0.1/x", "url_not_public"],
  ["https://172.31.255.255/x", "url_not_public"],
  ["https://192.168.1.1/x", "url_not_public"],
  ["https://100.64.0.1/x", "url_not_public"],
  ["https://169.254.169.254/latest/meta-data", "url_not_public"],
  ["https://192.0.2.10/x", "url_not_public"],
  ["https://224.0.0.1/x", "url_not_public"],
  ["https://255.255.255.255/x", "url_not_public"],
  ["https://[::1]/x", "url_not_public"],
  ["https://[::]/x", "url_not_public"],
  ["https://[fc00::1]/x", "url_not_public"],
  ["https://[fd12:3456::1]/x", "url_not_public"],
  ["https://[fe80::1]/x", "url_not_public"],
  ["https://[ff02::1]/x", "url_not_public"],
  ["https://[2001:db8::1]/x", "url_not_public"],
  ["https://[::ffff:127.0.0.1]/x", "url_not_public"],
  ["https://[::ffff:169.254.169.254]/x", "url_not_public"],
  ["https://[::ffff:10.0.0.1]/x", "url_not_public"],
  ["https://[64:ff9b::7f00:1]/x", "url_not_public"],
  ["https://[2002:c0a8:101::1]/x", "url_not_public"],
  ["https://127.0.0.1.nip.io/x", "url_not_public"],
  ["https://app.10.0.0.1.nip.io/x", "url_not_public"],
  ["https://10-0-0-1.sslip.io/x", "url_not_public"],
  ["https://169.254.169.254.xip.io/x", "url_not_public"],
  ["https://192.168.1.1.traefik.me/x", "url_not_public"],
  ["https://localtest.me/x", "url_not_public"],
  ["https://shop.localtest.me/x", "url_not_public"],
  ["https://lvh.me/x", "url_not_public"],
  ["https://a.lvh.me/x", "url_not_public"],
  ["https://vcap.me/x", "url_not_public"],
  ["https://LOCALHO.ST./x", "url_not_public"],
  ["https://hooks.example.com:8080/x", "url_port_not_allowed"],
  ["https://hooks.example.com:80/x", "url_port_not_allowed"],
  ["https://hooks.example.com:22/x", "url_port_not_allowed"],
  ["https://127.0.0.1:6379/x", "url_port_not_allowed"],
];

const ACCEPTED = [
  "https://hooks.example.com/x",
  "https://hooks.example.com:8443/crm?token=abc",
  "https://hooks.example.com:443/x",
  "https://nip.io.example.com/x",
  "https://mylvh.me/x",
  "https://93.184.215.14/hook",
  "https://172.32.0.1/x",
  "https://[2606:4700:4700::1111]/x",
  "https://[::ffff:93.184.215.14]/x",
];

describe("which URLs the Worker may call (webhooks, providers)", () => {
  it.each(REFUSED)("refuses %s (%s)", (url, reason) => {
    expect(urlRefusal(url)).toBe(reason);
  });

  it.each(ACCEPTED)("accepts %s", (url) => {
    expect(urlRefusal(url)).toBeNull();
  });

  it("reads every spelling of a private IPv4 host, even one the URL parser did not normalise", () => {
    for (const host of ["127.1", "0177.0.0.1", "0x7f.0.0.1", "2130706433", "0x7f000001", "017700000001", "10.0x10.1", "[::ffff:7f00:1]"]) {
      expect(isPublicHost(host), host).toBe(false);
    }
    for (const host of ["8.8.8.8", "134744072", "hooks.example.com", "cafe.example"]) expect(isPublicHost(host), host).toBe(true);
  });
});

describe("POST /api/webhooks with a URL that may not receive webhooks", () => {
  it("answers 400 naming body.url in the caller's language, and stores nothing", async () => {
    const { owner } = await signUp();
    const before = await count();
    for (const [url, reason] of REFUSED) {
      const response = await owner.withLanguage("fa").post("/api/webhooks", { url, events: ["*"] });
      expect(response.status, url).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors, url).toEqual([expect.objectContaining({ path: "body.url", code: reason })]);
      expect(response.body.errors[0].message).toMatch(/[\u0600-\u06ff]/);
    }
    const english = await owner.post("/api/webhooks", { url: "https://169.254.169.254/", events: ["*"] });
    expect(english.body.errors[0].message).toBe("This address is local, private or reserved; use a public host name.");
    expect(await count()).toBe(before);
  });

  it("refuses a private URL on PATCH as well", async () => {
    const { owner } = await signUp();
    const created = await owner.post("/api/webhooks", { url: "https://hooks.example.com/x", events: ["*"] });
    const refused = await owner.patch(`/api/webhooks/${created.body.id}`, { url: "https://[::ffff:127.0.0.1]/x" });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ path: "body.url", code: "url_not_public" });
    expect((await owner.get("/api/webhooks")).body.items[0].url).toBe("https://hooks.example.com/x");
  });
});
