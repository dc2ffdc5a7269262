// Copies browser libraries from node_modules into views/public/static/vendor so both
// runtimes serve them locally (Node via serveStatic, Workers via [assets]); never a CDN.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "public", "static", "vendor");
mkdirSync(target, { recursive: true });
copyFileSync(require.resolve("htmx.org/dist/htmx.min.js"), join(target, "htmx.min.js"));
