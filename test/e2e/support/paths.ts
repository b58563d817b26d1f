// Where the browser tests read and write: the repository root and the ignored artifacts folder.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
/** Git-ignored (test-results/): the dev server's log and the screenshots of each run. */
export const artifactsDir = join(root, "test-results", "e2e");
export const screenshotsDir = join(root, "test-results", "screenshots");
/** Committed copies for the README, written only by `npm run screenshots`. */
export const docsScreenshotsDir = join(root, "docs", "screenshots");
