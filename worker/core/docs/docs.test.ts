// /docs is served from our own origin: Swagger UI's files come from the static assets that
// scripts/build-assets.mjs builds into web/dist/ (npm test builds them first), never from a CDN.
import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://crm.test";

async function docsPage() {
  const response = await exports.default.fetch(`${ORIGIN}/docs`);
  return { response, html: await response.text() };
}

/** The src/href of every script and stylesheet the page loads. */
function referencedAssets(html: string): string[] {
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
}

describe("GET /docs", () => {
  it("serves an HTML page that loads Swagger UI from this origin only", async () => {
    const { response, html } = await docsPage();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(referencedAssets(html)).toEqual([
      "/vendor/swagger-ui/swagger-ui.css",
      "/vendor/swagger-ui/swagger-ui-bundle.js",
      "/vendor/swagger-ui/docs-init.js",
    ]);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<div id="docs"></div>');
  });

  it("has no inline script, which the CSP would refuse", async () => {
    const { response, html } = await docsPage();
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    for (const script of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(script[1]).toMatch(/\ssrc="/);
      expect(script[2]!.trim()).toBe("");
    }
  });

  it("finds every asset it references in the built static assets", async () => {
    const { html } = await docsPage();
    for (const path of referencedAssets(html)) {
      const asset = await env.ASSETS.fetch(`${ORIGIN}${path}`);
      const missing = `${path} is missing from web/dist/: run \`npm run build\``;
      expect(asset.status, missing).toBe(200);
      // A missing file would come back as the single-page app's index.html, also with 200.
      expect(asset.headers.get("content-type"), missing).toContain(path.endsWith(".css") ? "text/css" : "javascript");
      const body = await asset.text();
      expect(body.length, path).toBeGreaterThan(0);
      expect(body.trimStart().toLowerCase().startsWith("<!doctype"), missing).toBe(false);
    }
  });

  it("starts Swagger UI on the generated OpenAPI document inside #docs", async () => {
    const init = await (await env.ASSETS.fetch(`${ORIGIN}/vendor/swagger-ui/docs-init.js`)).text();
    expect(init).toContain("SwaggerUIBundle(");
    expect(init).toContain('url: "/openapi.json"');
    expect(init).toContain('dom_id: "#docs"');
  });
});

describe("GET /openapi.json", () => {
  it("is the OpenAPI 3.1 document the docs page reads", async () => {
    const response = await exports.default.fetch(`${ORIGIN}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/healthz");
  });
});
