/**
 * The yearly review as an .xlsx workbook (SheetJS, bytes only: runs on Workers): the
 * paragraph and the counts per Område on the first sheet, every activity on the second.
 * Text cells are formula-escaped like every other export.
 */
import * as XLSX from "xlsx";
import { type Cell, toSheetRows } from "../domain/export-cells";
import type { PlanReview } from "./plan-review";

function sheet(header: string[], rows: Cell[][], widths: number[]): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(toSheetRows(header, rows));
  ws["!cols"] = widths.map((wch) => ({ wch }));
  return ws;
}

export function planReviewWorkbook(review: PlanReview, paragraph: string): Uint8Array {
  const { year, summary } = review;
  const overview = sheet(
    [`Verksamhetsberättelse ${year}: arbetet mot våldsbejakande extremism`, "", "", "", "", "", ""],
    [
      [paragraph, null, null, null, null, null, null],
      [null, null, null, null, null, null, null],
      [
        "Område",
        "Aktiviteter",
        "Genomförda",
        "Delvis genomförda",
        "Pågående",
        "Planerade",
        "Ej genomförda",
      ],
      ...summary.areas.map((a): Cell[] => [
        a.area,
        a.total,
        a.byStatus.genomford,
        a.byStatus.delvis,
        a.byStatus.pagaende,
        a.byStatus.planerad,
        a.byStatus.ej,
      ]),
      [
        "Totalt",
        summary.activities,
        summary.byStatus.genomford,
        summary.byStatus.delvis,
        summary.byStatus.pagaende,
        summary.byStatus.planerad,
        summary.byStatus.ej,
      ],
    ],
    [28, 12, 12, 16, 12, 12, 14],
  );
  const activities = sheet(
    [
      "Område",
      "Åtgärd / Aktivitet",
      "Ansvarig",
      "Övriga aktörer",
      "Tidplan",
      "Status",
      "Kommentar",
      "Utbildning",
      "Utfall",
      "Från plan",
    ],
    review.activities.map((a): Cell[] => [
      a.area,
      a.activity,
      a.responsible,
      a.otherActors,
      a.timeline,
      a.status,
      a.comment,
      a.figure?.courseTitle ?? null,
      a.figure?.text ?? null,
      a.carriedFromYear,
    ]),
    [22, 60, 28, 24, 14, 16, 40, 30, 20, 10],
  );
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, overview, "Verksamhetsberättelse");
  XLSX.utils.book_append_sheet(book, activities, `Handlingsplan ${year}`);
  const out = XLSX.write(book, {
    type: "array",
    bookType: "xlsx",
    compression: true,
  }) as ArrayBuffer;
  return new Uint8Array(out);
}
