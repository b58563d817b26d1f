#!/usr/bin/env node
// `npm run test:deploy` (and the end of a full `npm test`): runs scripts/deploy.mjs against a fake
// `wrangler` first on PATH (test/support/fake-wrangler/), on a copy of wrangler.toml, and checks
// that a dry run changes nothing and names every step; that a first deploy creates the database
// (and writes its id into the config), the three queues, applies the migrations, sets the
// encryption key and deploys, in that order, and prints the URL; that a second run creates
// nothing and keeps the key; that a config with the development allowance is refused; and that
// without a login nothing happens; and that the README's deploy button matches package.json.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deployButtonBlock, publicRepositoryUrl } from "./deploy-button.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const fakeBin = join(root, "test", "support", "fake-wrangler");
const scratch = mkdtempSync(join(tmpdir(), "edge-crm-deploy-"));
const statePath = join(scratch, "account.json");
copyFileSync(join(root, "wrangler.toml"), join(scratch, "wrangler.toml"));

const account = (changes = {}) =>
  writeFileSync(statePath, JSON.stringify({ loggedIn: true, databases: [], queues: [], secrets: [], workerExists: false, deploys: 0, migrationsApplied: 0, calls: [], ...changes }));
const state = () => JSON.parse(readFileSync(statePath, "utf8"));
const deploy = (...args) =>
  spawnSync(process.execPath, [join(root, "scripts", "deploy.mjs"), ...args], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, FAKE_WRANGLER_STATE: statePath, DEPLOY_ROOT: scratch },
  });
const changes = (calls) => calls.filter((call) => !/^(whoami|d1 list|queues list|secret list)/.test(call));
const check = (name, run) => {
  run();
  console.log(`deploy check: ${name}`);
};

try {
  check("a dry run on a new account names every step and changes nothing", () => {
    account();
    const result = deploy("--dry-run");
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(changes(state().calls), []);
    for (const line of ["would run: wrangler d1 create edge-crm", "would run: wrangler queues create edge-crm-events", "would run: wrangler queues create edge-crm-events-dead", "would run: wrangler queues create edge-crm-jobs", "would run: wrangler d1 migrations apply DB --remote", "would run: wrangler secret put ENCRYPTION_KEY", "would run: wrangler deploy --minify", "nothing was changed"]) {
      assert.ok(result.stdout.includes(line), `the dry run should say "${line}":\n${result.stdout}`);
    }
    assert.equal(readFileSync(join(scratch, "wrangler.toml"), "utf8"), readFileSync(join(root, "wrangler.toml"), "utf8"));
  });

  check("a first deploy creates what is missing, in order, and prints the URL", () => {
    account();
    const result = deploy();
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(changes(state().calls), [
      "d1 create edge-crm",
      "queues create edge-crm-events",
      "queues create edge-crm-events-dead",
      "queues create edge-crm-jobs",
      "d1 migrations apply DB --remote",
      "secret put ENCRYPTION_KEY",
      "deploy --minify",
    ]);
    assert.match(readFileSync(join(scratch, "wrangler.toml"), "utf8"), new RegExp(`database_id = "${state().databases[0].uuid}"`));
    assert.match(result.stdout, /deployed at https:\/\/edge-crm\.owner\.workers\.dev/);
    assert.equal(readFileSync(join(scratch, ".deploy-encryption-key"), "utf8").trim().length, 44);
  });

  check("running it again creates nothing, keeps the key, applies new migrations and deploys", () => {
    const before = state();
    writeFileSync(statePath, JSON.stringify({ ...before, calls: [] }));
    const result = deploy();
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(changes(state().calls), ["d1 migrations apply DB --remote", "deploy --minify"]);
    assert.deepEqual(state().queues, before.queues);
    assert.equal(state().databases.length, 1);
    assert.match(result.stdout, /set \(kept/);
  });

  check("an account with some of it already (a queue, the database) gets only the rest", () => {
    account({ databases: [{ name: "edge-crm", uuid: "11111111-2222-4333-8444-555555555555" }], queues: ["edge-crm-events"], workerExists: true, secrets: ["ENCRYPTION_KEY"] });
    const result = deploy();
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(changes(state().calls), ["queues create edge-crm-events-dead", "queues create edge-crm-jobs", "d1 migrations apply DB --remote", "deploy --minify"]);
    assert.match(readFileSync(join(scratch, "wrangler.toml"), "utf8"), /database_id = "11111111-2222-4333-8444-555555555555"/);
  });

  check("without a login it stops before changing anything", () => {
    account({ loggedIn: false });
    const result = deploy();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /wrangler login/);
    assert.deepEqual(changes(state().calls), []);
  });

  check("a config carrying the development-only shop allowance is refused", () => {
    account();
    const config = join(scratch, "wrangler.toml");
    writeFileSync(config, readFileSync(config, "utf8").replace("[vars]\n", '[vars]\nDEV_LOCAL_SHOP_ORIGINS = "http://127.0.0.1:9999"\n'));
    const result = deploy();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /DEV_LOCAL_SHOP_ORIGINS/);
    assert.deepEqual(state().calls, []);
  });

  check("the README's deploy button is Cloudflare's URL for package.json's repository, or says how to set it", () => {
    for (const given of ["https://github.com/shop-owner/edge-crm", "git+https://github.com/shop-owner/edge-crm.git", { url: "https://github.com/shop-owner/edge-crm/" }, "github:shop-owner/edge-crm"]) {
      assert.equal(publicRepositoryUrl(given), "https://github.com/shop-owner/edge-crm", JSON.stringify(given));
    }
    for (const unusable of [undefined, "", "git@github.com:shop-owner/edge-crm.git", "https://example.com/a/b", "https://github.com/only-owner"]) assert.equal(publicRepositoryUrl(unusable), null, String(unusable));
    assert.match(deployButtonBlock("https://github.com/shop-owner/edge-crm"), /\(https:\/\/deploy\.workers\.cloudflare\.com\/\?url=https:\/\/github\.com\/shop-owner\/edge-crm\)/);
    assert.doesNotMatch(deployButtonBlock(null), /deploy\.workers\.cloudflare\.com/);
    const result = spawnSync(process.execPath, [join(root, "scripts", "deploy-button.mjs"), "--check"], { encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
