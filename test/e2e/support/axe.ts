// axe-core (the accessibility rules engine) run inside the page under test, limited to the WCAG
// 2.0 and 2.1 level A and AA rules, with a failure message a person can act on: the page, the
// language, the width, each rule broken and the elements that break it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const WCAG_A_AND_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Rules switched off, each with why and what checks the same thing instead. Empty: every WCAG
 * 2.0/2.1 A and AA rule runs on every page.
 */
export const RULES_OFF: Record<string, { why: string; replacedBy: string }> = {};

export interface Violation {
  rule: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the elements that break the rule, with a snippet of each. */
  nodes: string[];
}

/** Runs the WCAG A/AA rules on the page as it is now (axe is injected once per loaded document). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // The app's Content-Security-Policy allows no inline script: the contexts that run axe bypass it.
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    async ({ tags, off }) => {
      // Runs in the page (the test's own types have no DOM).
      const { axe, document } = globalThis as unknown as { axe: typeof import("axe-core"); document: import("axe-core").ElementContext };
      const result = await axe.run(document, {
        runOnly: { type: "tag", values: tags },
        rules: Object.fromEntries(off.map((rule) => [rule, { enabled: false }])),
        resultTypes: ["violations"],
      });
      return result.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => `${node.target.join(" ")}  ${node.html.slice(0, 160)}`),
      }));
    },
    { tags: WCAG_A_AND_AA, off: Object.keys(RULES_OFF) },
  );
}

/** "dashboard (en, 320 px): label-content-name-mismatch (serious) …" with one line per element. */
export function describeViolations(where: string, violations: Violation[]): string {
  return violations
    .map((violation) => [`${where}: ${violation.rule} (${violation.impact ?? "?"}) ${violation.help}`, ...violation.nodes.map((node) => `    ${node}`)].join("\n"))
    .join("\n");
}
