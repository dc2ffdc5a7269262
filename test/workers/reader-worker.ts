/** A tiny Worker around the file readers, so tests can run them inside workerd. */
import { readSheet } from "../../imports/read";
import { toTable } from "../../imports/table";

export default {
  async fetch(request: Request): Promise<Response> {
    const name = new URL(request.url).searchParams.get("name") ?? "file";
    const bytes = new Uint8Array(await request.arrayBuffer());
    try {
      const sheet = readSheet(bytes, name);
      const table = toTable(sheet, "fil");
      return Response.json({ format: sheet.format, headerRow: table.headerRow, rows: table.rows });
    } catch (err) {
      return Response.json({ error: (err as Error).message }, { status: 422 });
    }
  },
};
