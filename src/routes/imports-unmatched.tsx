/** The queue of unmatched course-file rows (mounted by importRoutes, behind CAN.importFiles). */
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { countNoun } from "../../views/format";
import { UnmatchedPage } from "../../views/pages/unmatched";
import { CAN, requireRole } from "../auth/roles";
import { UserError } from "../domain/user-error";
import type { AppEnv, SignedInEnv } from "../env";
import { listCourses } from "../services/courses";
import { dismissUnmatched, linkUnmatched, listOpenUnmatched } from "../services/imports/unmatched";
import { findPeople, resolvePerson } from "../services/people";
import { logAccess } from "../services/privacy/access-log";
import { badQuery } from "./params";
import { page } from "./render";

type C = Context<SignedInEnv>;
const linkForm = z.object({ person: z.string().trim().min(1).max(200) });

async function unmatchedPage(
  c: C,
  msg: { error?: string; notice?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  const db = c.get("db");
  const [rows, courses] = await Promise.all([listOpenUnmatched(db), listCourses(db)]);
  return page(
    c,
    "Omatchade rader",
    <UnmatchedPage
      rows={rows}
      courseTitles={new Map(courses.map((k) => [k.id, k.title]))}
      error={msg.error}
      notice={msg.notice}
    />,
    status,
  );
}

export const unmatchedRoutes = new Hono<AppEnv>()
  .use("/imports/*", requireRole(...CAN.importFiles))
  .get("/imports/unmatched", (c) => unmatchedPage(c))
  .get(
    "/imports/people",
    zValidator("query", z.object({ person: z.string().max(200).default("") }), badQuery),
    async (c) => {
      const query = c.req.valid("query").person;
      const hits = await findPeople(c.get("db"), c.get("scope"), query);
      if (hits.length > 0) {
        // A search that showed people is an access like a list: one entry, the hit count, and
        // the person when it found exactly one.
        await logAccess(
          c.get("db"),
          {
            userId: c.get("user").id,
            kind: "search",
            unitId: null,
            asOf: null,
            count: hits.length,
            personId: hits.length === 1 ? hits[0]!.id : null,
            detail: query.slice(0, 100),
            ip: c.get("clientIp"),
          },
          c.get("now")(),
        );
      }
      return c.html(
        // biome-ignore lint/complexity/noUselessFragments: c.html takes one element, not an array
        <>
          {hits.map((h) => (
            <option
              value={h.employeeNo ?? h.email ?? h.name}
            >{`${h.name}${h.email ? `, ${h.email}` : ""}`}</option>
          ))}
        </>,
      );
    },
  )
  .post(
    "/imports/unmatched/:id/link",
    zValidator("param", z.object({ id: z.coerce.number().int().positive() })),
    zValidator("form", linkForm, (result) => {
      if (!result.success) throw new UserError("Ange anställningsnummer, e-post eller namn.");
    }),
    async (c) => {
      const db = c.get("db");
      const ref = c.req.valid("form").person;
      const person = await resolvePerson(db, c.get("scope"), ref);
      if (!person)
        throw new UserError(
          `Hittar ingen entydig person för '${ref}'. Skriv anställningsnummer eller e-post.`,
          422,
        );
      const r = await linkUnmatched(db, {
        unmatchedId: c.req.valid("param").id,
        personId: person.id,
        userId: c.get("user").id,
        ip: c.get("clientIp"),
      });
      return unmatchedPage(c, {
        notice: `${countNoun(r.linked, "rad kopplad", "rader kopplade")} till ${person.name}; ${countNoun(r.events, "händelse sparad", "händelser sparade")}.`,
      });
    },
  )
  .post(
    "/imports/unmatched/:id/dismiss",
    zValidator("param", z.object({ id: z.coerce.number().int().positive() })),
    async (c) => {
      const n = await dismissUnmatched(c.get("db"), {
        unmatchedIds: [c.req.valid("param").id],
        userId: c.get("user").id,
        ip: c.get("clientIp"),
      });
      return unmatchedPage(
        c,
        n ? { notice: "Raden är avfärdad." } : { error: "Raden är redan hanterad." },
        n ? 200 : 409,
      );
    },
  );
