// The package's TypeScript declarations: a usage file (types/usage.ts) must
// compile under --strict, and every misuse in it marked @ts-expect-error must
// be an error (tsc reports an unused @ts-expect-error).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

test("the declarations are precise enough for strict TypeScript", () => {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const tsc = join(here, "node_modules/typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(here, "types/tsconfig.json")], { encoding: "utf8" });
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});
