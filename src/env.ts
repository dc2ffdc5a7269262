import type { Db } from "../db/client";
import type { Session, User } from "../db/schema";
import type { Scope } from "./services/scope";

/** What an entry (Node server, Worker, tests) hands to `createApp`. */
export interface AppDeps {
  db: Db;
  /** Clock, injectable so tests can pin "today". */
  now?: () => Date;
  /** Largest accepted upload in bytes (default 20 MB). */
  uploadLimitBytes?: number;
}

export type AppEnv = {
  Variables: {
    db: Db;
    now: () => Date;
    user: User | null;
    session: Session | null;
    scope: Scope;
  };
};
