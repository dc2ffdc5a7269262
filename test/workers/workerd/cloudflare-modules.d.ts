/** The two runtime modules the workerd tests use, typed just as far as we call them. */
declare module "cloudflare:workers" {
  export const env: { DATABASE_URL: string; DATABASE_AUTH_TOKEN?: string };
  export const exports: {
    default: { fetch(input: Request | string | URL, init?: RequestInit): Promise<Response> };
  };
}
