/**
 * The whole data model of Genomförd (see ../shared/DESIGN.md, "Data model").
 *
 * Conventions: snake_case in SQL, camelCase in TypeScript; calendar dates are ISO
 * `YYYY-MM-DD` text (they sort and compare as text); instants are ISO timestamps.
 * Nothing that describes history is deleted: units are closed, employments end,
 * imports are undone through their recorded effects.
 */
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const createdAt = () =>
  text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** The utbildningsplan's two funktionsnivåer: förebyggande/upptäckande, förhindrande/åtgärdande. */
export const FUNCTION_LEVELS = ["forebyggande", "forhindrande"] as const;
export type FunctionLevel = (typeof FUNCTION_LEVELS)[number];

/** Organisation tree. `path` is materialised (`/1/7/23/`) so a subtree is one `LIKE 'path%'`. */
export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code"),
    name: text("name").notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => units.id),
    path: text("path").notNull().default(""),
    /**
     * Funktionsnivå set on this unit; null = inherited from the nearest ancestor that sets one
     * (resolved in src/domain, never copied down, so a change applies to the whole subtree).
     */
    functionLevel: text("function_level", { enum: FUNCTION_LEVELS }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("units_code_uq").on(t.code),
    index("units_path_idx").on(t.path),
    index("units_parent_idx").on(t.parentId, t.name),
  ],
);

/** A person known from HR. No personnummer is ever stored. */
export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeNo: text("employee_no"),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    /** Lower-cased and trimmed on write. */
    email: text("email"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
    /**
     * Set when retention removed the person's identity (names, e-mail, employee number);
     * employments and course events stay, so every figure stays the same.
     */
    pseudonymisedAt: text("pseudonymised_at"),
  },
  (t) => [
    uniqueIndex("people_employee_no_uq").on(t.employeeNo),
    index("people_email_idx").on(t.email),
  ],
);

/** Who worked where, when. `validTo` null = current. */
export const employments = sqliteTable(
  "employments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    title: text("title"),
    /** Sysselsättningsgrad in percent of full time, when the staff list gives it. */
    extent: real("extent"),
    validFrom: text("valid_from").notNull(),
    validTo: text("valid_to"),
    importId: integer("import_id").references(() => imports.id),
  },
  (t) => [
    index("employments_person_idx").on(t.personId, t.validFrom),
    index("employments_unit_idx").on(t.unitId, t.validFrom, t.validTo),
    index("employments_period_idx").on(t.validFrom, t.validTo),
  ],
);

export const COURSE_KINDS = ["mandatory", "deepened"] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** Course catalogue, loaded from courses/*.json. */
export const courses = sqliteTable("courses", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  kind: text("kind", { enum: COURSE_KINDS }).notNull(),
  /** JSON array of alternative titles met in exports. */
  aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  audience: text("audience"),
  targetDate: text("target_date"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /**
   * Set once the catalogue's default requirement rules were written for this course, so a
   * rule set HR later empties is not seeded again on the next start.
   */
  requirementsSeededAt: text("requirements_seeded_at"),
});

export const COMPLETION_KINDS = ["started", "completed"] as const;
export type CompletionKind = (typeof COMPLETION_KINDS)[number];

/**
 * Dated events, one per source row that says something. Status on date D is derived
 * from events ≤ D, so it never downgrades and the earliest dates win.
 */
export const completions = sqliteTable(
  "completions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    kind: text("kind", { enum: COMPLETION_KINDS }).notNull(),
    date: text("date").notNull(),
    importId: integer("import_id").references(() => imports.id),
    sourceRow: integer("source_row"),
  },
  (t) => [
    // A later cumulative export repeating a row adds nothing (INSERT OR IGNORE).
    uniqueIndex("completions_event_uq").on(t.personId, t.courseId, t.kind, t.date),
    index("completions_course_idx").on(t.courseId, t.kind, t.date, t.personId),
    index("completions_import_idx").on(t.importId),
  ],
);

export const IMPORT_KINDS = [
  "staff",
  "completions",
  "attendance",
  "units",
  "requirements",
  "exemptions",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One uploaded file. Undo reverts exactly the rows listed in import_effects. */
export const imports = sqliteTable(
  "imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    asOf: text("as_of"),
    userId: integer("user_id").references(() => users.id),
    createdAt: createdAt(),
    counts: text("counts", { mode: "json" }).$type<Record<string, number>>(),
    status: text("status", { enum: ["applied", "undone"] })
      .notNull()
      .default("applied"),
    undoneAt: text("undone_at"),
    undoneBy: integer("undone_by").references(() => users.id),
  },
  (t) => [index("imports_kind_idx").on(t.kind, t.status), index("imports_sha_idx").on(t.sha256)],
);

/**
 * What an import wrote, row by row: `insert` rows are deleted on undo, `update` rows
 * get `before` (a JSON object of the changed columns) written back, `delete` rows (a
 * withdrawn employment) are inserted again from `before` (the whole row). Replayed newest first.
 */
export const importEffects = sqliteTable(
  "import_effects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id),
    entity: text("entity", {
      enum: [
        "units",
        "people",
        "employments",
        "completions",
        "person_links",
        "unmatched",
        "unit_tags",
        "requirement_rules",
        "exemptions",
      ],
    }).notNull(),
    entityId: integer("entity_id").notNull(),
    action: text("action", { enum: ["insert", "update", "delete"] }).notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("import_effects_import_idx").on(t.importId)],
);

/** Rows of a completion/attendance file that matched no person, waiting for HR. */
export const unmatched = sqliteTable(
  "unmatched",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id),
    rowNumber: integer("row_number").notNull(),
    raw: text("raw", { mode: "json" }).$type<Record<string, string>>().notNull(),
    name: text("name"),
    email: text("email"),
    employeeNo: text("employee_no"),
    courseId: text("course_id").references(() => courses.id),
    startedOn: text("started_on"),
    completedOn: text("completed_on"),
    status: text("status", { enum: ["open", "linked", "dismissed"] })
      .notNull()
      .default("open"),
    personId: integer("person_id").references(() => people.id),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("unmatched_status_idx").on(t.status), index("unmatched_email_idx").on(t.email)],
);

/** A manual link HR made once and that later imports reuse (`email:x@y` or `name:…` → person). */
export const personLinks = sqliteTable(
  "person_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("person_links_key_uq").on(t.key)],
);

/**
 * An upload between preview and confirm (web only): the file is kept so HR confirms exactly
 * what was previewed. Deleted on confirm; stale ones (older than a day) are removed on upload.
 */
export const pendingUploads = sqliteTable(
  "pending_uploads",
  {
    /** Random token (hex); the confirm form carries it. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["staff", "completions"] }).notNull(),
    fileName: text("file_name").notNull(),
    asOf: text("as_of"),
    /** The file, base64 (text keeps it runtime-free on Node and Workers). */
    content: text("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pending_uploads_user_idx").on(t.userId)],
);

export const ROLES = ["admin", "hr", "ledning", "chef"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Self-describing hash (`scrypt$N$r$p$salt$hash`); null until the user sets one or for SSO-only. */
    passwordHash: text("password_hash"),
    oidcSubject: text("oidc_subject"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);

/** Session id = SHA-256 of the token (hex); the raw token only lives in the cookie. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Unix milliseconds. */
    expiresAt: integer("expires_at").notNull(),
    /** Set when signed in via SSO: the `id_token_hint` for logging out at the provider. */
    oidcIdToken: text("oidc_id_token"),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time set-password links; id = SHA-256 of the token. */
export const passwordTokens = sqliteTable("password_tokens", {
  id: text("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  expiresAt: integer("expires_at").notNull(),
  usedAt: text("used_at"),
});

/** Fixed-window login counters, in the DB so they hold across Workers isolates. */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  count: integer("count").notNull().default(0),
  windowStartedAt: integer("window_started_at").notNull(),
});

/** The unit subtrees a chef may see. */
export const userUnits = sqliteTable(
  "user_units",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: integer("user_id").references(() => users.id),
    action: text("action").notNull(),
    target: text("target"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    ip: text("ip"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action)],
);

export const ACCESS_KINDS = [
  "staff_list",
  "staff_export",
  "person_page",
  "search",
  "register_extract",
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/**
 * Who viewed or exported people's data: one row per request, naming the unit subtree and
 * date the list covered and how many people it showed (not one row per person). A view of
 * one person names them in `person_id`. Which people a list named is derived from
 * employments when admin filters by person.
 */
export const accessLog = sqliteTable(
  "access_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: integer("user_id").references(() => users.id),
    kind: text("kind", { enum: ACCESS_KINDS }).notNull(),
    /** The subtree shown; null = the whole organisation. */
    unitId: integer("unit_id").references(() => units.id),
    /** The date the list was drawn for (whose employments it showed). */
    asOf: text("as_of"),
    count: integer("count").notNull(),
    personId: integer("person_id").references(() => people.id),
    /** Free text the viewer searched for, export format, etc. */
    detail: text("detail"),
    ip: text("ip"),
  },
  (t) => [
    index("access_log_at_idx").on(t.at),
    index("access_log_person_idx").on(t.personId),
    index("access_log_unit_idx").on(t.unitId, t.asOf),
  ],
);

/** A pulled annual figure; once locked it never changes (corrections show as a difference). */
export const annualReports = sqliteTable(
  "annual_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    asOf: text("as_of").notNull(),
    figures: text("figures", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    sentence: text("sentence").notNull(),
    lockedBy: integer("locked_by").references(() => users.id),
    lockedAt: text("locked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("annual_reports_year_course_uq").on(t.year, t.courseId)],
);

export const PLAN_AREAS = [
  "Organisation",
  "Lägesbild",
  "Förebyggande",
  "Förhindrande",
  "Föreningsbidrag och lokaler",
  "Kompetenshöjande",
  "Uppföljning",
] as const;
export const PLAN_STATUSES = [
  "Genomförd",
  "Delvis genomförd",
  "Pågående",
  "Planerad",
  "Ej genomförd",
] as const;

/** Action-plan follow-up: one activity of the yearly plan. */
export const planActivities = sqliteTable(
  "plan_activities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull(),
    area: text("area", { enum: PLAN_AREAS }).notNull(),
    activity: text("activity").notNull(),
    responsible: text("responsible"),
    otherActors: text("other_actors"),
    timeline: text("timeline"),
    status: text("status", { enum: PLAN_STATUSES }).notNull().default("Planerad"),
    comment: text("comment"),
    /** Competence activities show this course's coverage figure. */
    courseId: text("course_id").references(() => courses.id),
    /** With a course: the share (0–100) to reach by `targetDate`; suggests the status. */
    targetPercent: integer("target_percent"),
    targetDate: text("target_date"),
    /** The activity of an earlier plan this one was copied from (open activities carry over). */
    carriedFromId: integer("carried_from_id").references((): AnySQLiteColumn => planActivities.id, {
      onDelete: "set null",
    }),
    /** Kept even if the original is deleted later. */
    carriedFromYear: integer("carried_from_year"),
    /** Order within the plan, as in the imported table. */
    position: integer("position").notNull().default(0),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("plan_activities_year_idx").on(t.year, t.area),
    index("plan_activities_carried_idx").on(t.carriedFromId),
  ],
);

/** Free tags on a unit (e.g. "skolsocialt team"); a tag covers the unit's whole subtree. */
export const unitTags = sqliteTable(
  "unit_tags",
  {
    // Own id so an import's undo log can name the row like every other entity.
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** Trimmed, as typed; compared case-insensitively. */
    tag: text("tag").notNull(),
  },
  (t) => [uniqueIndex("unit_tags_uq").on(t.unitId, t.tag), index("unit_tags_tag_idx").on(t.tag)],
);

/**
 * Who must take a course: a rule matches an employment when every condition it sets holds
 * (null = any). All conditions null = everyone. A person's requirement on a date is derived
 * from their employment on that date and these rules — never stored per person.
 */
export const requirementRules = sqliteTable(
  "requirement_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    /** The unit's whole subtree. */
    unitId: integer("unit_id").references(() => units.id),
    functionLevel: text("function_level", { enum: FUNCTION_LEVELS }),
    tag: text("tag"),
    /** Befattning pattern, `*` as wildcard, case-insensitive (e.g. "Socialsekreterare*"). */
    titlePattern: text("title_pattern"),
    /** Fixed deadline (YYYY-MM-DD); or `daysAfterStart` days after the employment that made the person required. */
    deadline: text("deadline"),
    daysAfterStart: integer("days_after_start"),
    importId: integer("import_id").references(() => imports.id),
    createdAt: createdAt(),
  },
  (t) => [index("requirement_rules_course_idx").on(t.courseId)],
);

/** A person excused from one course (or all, courseId null) for a period, with a reason. */
export const exemptions = sqliteTable(
  "exemptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    courseId: text("course_id").references(() => courses.id),
    fromDate: text("from_date").notNull(),
    /** Inclusive; null = until further notice. */
    toDate: text("to_date"),
    reason: text("reason").notNull(),
    importId: integer("import_id").references(() => imports.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("exemptions_person_idx").on(t.personId, t.fromDate)],
);

/** Small key/value settings (admin-editable): upload limit, retention, organisation name. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export type Unit = typeof units.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Employment = typeof employments.$inferSelect;
export type Course = typeof courses.$inferSelect;
export type Completion = typeof completions.$inferSelect;
export type Import = typeof imports.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AnnualReport = typeof annualReports.$inferSelect;
export type PlanActivity = typeof planActivities.$inferSelect;
export type AccessLogEntry = typeof accessLog.$inferSelect;
export type RequirementRule = typeof requirementRules.$inferSelect;
export type Exemption = typeof exemptions.$inferSelect;
