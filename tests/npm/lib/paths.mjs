// Where the tests find what they test: the built package, the bundled filter,
// the example extension, and the raw OFAC lists in ../shared (read, never copied).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** The package folder scripts/build-npm.sh writes. */
export const PKG = process.env.ADDRCHECK_PKG ?? join(ROOT, "crates/wasm/pkg");
/** The example extension, with the package copied in by scripts/test-wasm-module.sh. */
export const EXTENSION = process.env.ADDRCHECK_EXTENSION ?? join(ROOT, "examples/wallet-extension");
/** The OFAC per-asset lists the bundled filter was built from. */
export const LISTS = process.env.ADDRCHECK_LISTS ?? join(ROOT, "../shared/data/ofac/2025-11-27");
/** Where browser tests leave screenshots. */
export const ARTIFACTS = join(ROOT, "tests/npm/artifacts");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
