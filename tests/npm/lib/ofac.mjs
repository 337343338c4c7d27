// The OFAC per-asset lists of ../shared: `ADDRESS;Name` or
// `ADDRESS;"Name;Alias;..."` lines, one file per asset code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LISTS } from "./paths.mjs";

/** Every entry: { asset, address, names }, in file-name then line order. */
export function ofacEntries(dir = LISTS) {
  const out = [];
  const files = readdirSync(dir)
    .filter((f) => /^sanctioned_addresses_[A-Z0-9]+\.txt$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no sanctioned_addresses_*.txt in ${dir}`);
  for (const file of files) {
    const asset = file.slice("sanctioned_addresses_".length, -".txt".length);
    for (const raw of readFileSync(join(dir, file), "utf8").split("\n")) {
      const line = raw.replace(/\r$/, "");
      if (line.trim() === "") continue;
      const cut = line.indexOf(";");
      const address = (cut < 0 ? line : line.slice(0, cut)).trim();
      let rest = cut < 0 ? "" : line.slice(cut + 1).trim();
      if (rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1);
      const names = rest
        .split(";")
        .map((n) => n.trim())
        .filter((n) => n !== "");
      out.push({ asset, address, names });
    }
  }
  return out;
}
