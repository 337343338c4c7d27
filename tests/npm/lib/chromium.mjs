// Headless Chromium (the system one, no download) with an unpacked extension
// loaded, through playwright-core.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM } from "./paths.mjs";

/**
 * Launches Chromium with the extension at `dir`. Resolves to { context,
 * worker (the extension's service worker), id, requests (every URL the
 * browser requested), close }.
 */
export async function launchWithExtension(dir) {
  const profile = mkdtempSync(join(tmpdir(), "addrcheck-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless=new",
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ??
    (await context.waitForEvent("serviceworker", { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
