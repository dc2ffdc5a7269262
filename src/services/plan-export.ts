/**
 * The yearly review as an .xlsx workbook, written like every other export (bold frozen
 * header, autofilter, real number cells; bytes only, so it runs on Workers): the paragraph,
 * the counts per Område, then every activity.
 */
import type { Cell } from "../domain/export-cells";
import type { PlanReview } from "./plan-review";
import { workbookBytes } from "./spreadsheet";

export function planReviewWorkbook(review: PlanReview, paragraph: string): Uint8Array {
  const { year, summary } = review;
  const counts = (name: string, total: number, by: typeof summary.byStatus): Cell[] => [
    name,
    total,
    by.genomford,
    by.delvis,
    by.pagaende,
    by.planerad,
    by.ej,
  ];
  return workbookBytes([
    {
      name: "Verksamhetsberättelse",
      kinds: ["text", "text"],
      rows: [
        ["Verksamhetsberättelse", `${year}: arbetet mot våldsbejakande extremism`],
        ["Text", paragraph],
      ],
      layout: "notes",
    },
    {
      name: "Per område",
      kinds: ["text", "count", "count", "count", "count", "count", "count"],
      rows: [
        [
          "Område",
          "Aktiviteter",
          "Genomförda",
          "Delvis genomförda",
          "Pågående",
          "Planerade",
          "Ej genomförda",
        ],
        ...summary.areas.map((a) => counts(a.area, a.total, a.byStatus)),
        counts("Totalt", summary.activities, summary.byStatus),
      ],
      layout: "table",
    },
    {
      name: `Handlingsplan ${year}`,
      kinds: ["text", "text", "text", "text", "text", "text", "text", "text", "text", "count"],
      rows: [
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
        ...review.activities.map((a): Cell[] => [
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
      ],
      layout: "table",
    },
  ]);
}
