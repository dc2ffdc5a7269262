// Child process (plain Node, same V8 as workerd): parses one staff file with SheetJS, as the
// Worker does where the .xlsx value reader steps aside (the most memory a file under the caps
// can cost), and prints the memory it cost: live = heap + external + array buffers right after
// parsing (garbage included), retained = the same after a full GC. Run with --expose-gc and, to
// prove a size fits, --max-old-space-size: an out-of-memory exit means it does not fit.
// Usage: node --expose-gc parse-memory.mjs FILE
import { readFileSync } from "node:fs";
import * as XLSX from "xlsx";

const bytes = new Uint8Array(readFileSync(process.argv[2]));
globalThis.gc();
const base = process.memoryUsage();
const t0 = performance.now();
const book = XLSX.read(bytes, { type: "array", dense: true, cellDates: true });
const rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1, raw: true });
const ms = performance.now() - t0;
const live = process.memoryUsage();
globalThis.gc();
const retained = process.memoryUsage();
const used = (m) => m.heapUsed + m.external + m.arrayBuffers;
console.log(
  JSON.stringify({
    rows: rows.length,
    ms: Math.round(ms),
    liveBytes: used(live) - used(base),
    retainedBytes: used(retained) - used(base),
  }),
);
