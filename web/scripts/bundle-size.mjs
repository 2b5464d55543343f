// The JavaScript a first visit loads before any screen (the entry script of index.html and every
// chunk it imports statically, which the build also lists as modulepreload), gzipped; fails when
// it exceeds the budget. Lazily loaded screens are listed apart.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 250;
const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);

const seen = new Set();
function visit(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, file), "utf8");
  // static imports only: `import … from "./x.js"` / `import "./x.js"`, never `import("./x.js")`
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?\sfrom\s*)?["']\.\/([^"']+\.js)["']/g)) {
    visit(`assets/${match[1]}`);
  }
}
entry.forEach(visit);

const kb = (bytes) => (bytes / 1024).toFixed(1);
let raw = 0;
let gzip = 0;
const rows = [...seen].map((file) => {
  const code = readFileSync(join(dist, file));
  const zipped = gzipSync(code, { level: 9 }).length;
  raw += code.length;
  gzip += zipped;
  return { file, raw: code.length, gzip: zipped };
});
console.log("initial JavaScript (index.html and its static imports):");
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${row.file.padEnd(44)} ${kb(row.raw).padStart(8)} KB  ${kb(row.gzip).padStart(7)} KB gzip`);
}
console.log(`  ${"total".padEnd(44)} ${kb(raw).padStart(8)} KB  ${kb(gzip).padStart(7)} KB gzip (budget ${BUDGET_KB} KB)`);
const lazy = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js") && !seen.has(`assets/${f}`));
const lazyGzip = lazy.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, "assets", f)), { level: 9 }).length, 0);
console.log(`loaded later (screens, charts, GraphiQL): ${lazy.length} chunks, ${kb(lazyGzip)} KB gzip`);
if (gzip > BUDGET_KB * 1024) {
  console.error(`initial JavaScript is ${kb(gzip)} KB gzip, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
