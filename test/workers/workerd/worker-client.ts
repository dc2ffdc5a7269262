/**
 * Requests to the real Worker entry inside workerd, like a browser on our own site:
 * non-GET requests carry our Origin (the app checks it), and a session cookie is kept per
 * signed-in user. `env` picks the database (default: the demo database of globalSetup).
 */
import { env, exports } from "cloudflare:workers";
import { SESSION_COOKIE } from "../../../src/auth/middleware";
import { DEMO_PASSWORD } from "../../../src/services/demo/seed";
import worker from "../../../src/worker";

export const ORIGIN = "https://genomford.example";
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };

export type WorkerEnv = typeof env;

export function request(
  path: string,
  init: RequestInit = {},
  workerEnv?: Partial<WorkerEnv>,
): Promise<Response> {
  const headers = new Headers(init.headers);
  if ((init.method ?? "GET") !== "GET") headers.set("origin", ORIGIN);
  const req = new Request(`${ORIGIN}${path}`, { redirect: "manual", ...init, headers });
  if (!workerEnv) return exports.default.fetch(req);
  return Promise.resolve(worker.fetch(req, { ...env, ...workerEnv } as WorkerEnv, ctx as never));
}

export function form(fields: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

export function login(
  email: string,
  password = DEMO_PASSWORD,
  workerEnv?: Partial<WorkerEnv>,
): Promise<Response> {
  return request("/login", form({ email, password, next: "/" }), workerEnv);
}

export function sessionCookie(res: Response): string {
  const setCookie = res.headers.get("set-cookie") ?? "";
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(setCookie)?.[1];
  if (!token) throw new Error(`no session cookie in ${setCookie} (status ${res.status})`);
  return `${SESSION_COOKIE}=${token}`;
}

/** Signs in and returns a function that makes requests as that user. */
export async function signedIn(email: string, workerEnv?: Partial<WorkerEnv>) {
  const cookie = sessionCookie(await login(email, undefined, workerEnv));
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", cookie);
    return request(path, { ...init, headers }, workerEnv);
  };
}
