#!/usr/bin/env node
// The README's "Deploy to Cloudflare" button, made from ONE place: package.json's `repository`
// (the public GitHub or GitLab URL of this repository). Cloudflare's button is
// https://deploy.workers.cloudflare.com/?url=<public repository URL>; without a repository set,
// the README says how to set it instead of showing a button that leads nowhere.
//   npm run deploy-button           rewrite the README's block (between the deploy-button markers)
//   npm run deploy-button -- --check  exit 1 when the README's block is not what package.json says
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const START = "<!-- deploy-button -->";
const END = "<!-- /deploy-button -->";

/** The repository's public https URL, from package.json's `repository` (a string or { url }), or null. */
export function publicRepositoryUrl(repository) {
  const raw = typeof repository === "string" ? repository : repository?.url;
  if (typeof raw !== "string" || raw.trim() === "") return null;
  const shorthand = /^(github|gitlab):([\w.-]+\/[\w.-]+)$/.exec(raw.trim());
  const text = shorthand ? `https://${shorthand[1]}.com/${shorthand[2]}` : raw.trim().replace(/^git\+/, "").replace(/\.git$/, "");
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.protocol !== "https:" || !["github.com", "gitlab.com"].includes(url.hostname) || url.pathname.split("/").filter(Boolean).length !== 2) return null;
  return `https://${url.hostname}${url.pathname.replace(/\/+$/, "")}`;
}

/** The README block for that repository URL (or null). */
export function deployButtonBlock(repositoryUrl) {
  const body = repositoryUrl
    ? `[![Deploy to Cloudflare](https://deploy.workers.cloudflare.com/button)](https://deploy.workers.cloudflare.com/?url=${repositoryUrl})`
    : "The one-click **Deploy to Cloudflare** button needs this repository's public GitHub or GitLab URL. Set it in one place, `repository` in `package.json` (e.g. `\"repository\": \"https://github.com/<owner>/edge-crm\"`), then run `npm run deploy-button`: the button appears here.";
  return `${START}\n${body}\n${END}`;
}

function readmeWith(readme, block) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const readmePath = join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const wanted = readmeWith(readme, deployButtonBlock(publicRepositoryUrl(pkg.repository)));
  if (process.argv.includes("--check")) {
    if (wanted !== readme) {
      console.error("README.md's deploy button does not match package.json's repository: run `npm run deploy-button`.");
      process.exit(1);
    }
  } else if (wanted !== readme) {
    writeFileSync(readmePath, wanted);
    console.log("README.md: the deploy button block was rewritten.");
  }
}
