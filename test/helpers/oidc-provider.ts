/**
 * panva's certified oidc-provider (8.x) on a free 127.0.0.1 port, for SSO tests. The login
 * interaction signs in `provider.account` at once (no form), consent is pre-granted, and
 * every request path is counted so tests can see discovery and JWKS fetches.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import Provider, {
  type ClientAuthMethod,
  type ClientMetadata,
  type KoaContextWithOIDC,
} from "oidc-provider";

/** A secret with characters the Basic header must form-encode (RFC 6749 §2.3.1). */
export const AWKWARD_SECRET = "hemlig+nyckel/med:kolon%20och mellanslag==";
export const REDIRECT_URI = "http://localhost/login/sso/callback";

export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  /** A different `sub` in userinfo answers (a broken or hostile provider). */
  userinfoSub?: string;
}

export interface TestProviderOptions {
  /** true: profile claims only from userinfo (the OIDC default); false: also in the ID token. */
  conformIdTokenClaims: boolean;
  clients: ClientMetadata[];
  /** token_endpoint_auth_methods_supported (default: oidc-provider's). */
  clientAuthMethods?: ClientAuthMethod[];
}

export interface TestProvider {
  issuer: string;
  account: TestAccount;
  /** Request paths seen, in order ("/token", "/jwks", …). */
  hits: string[];
  /** How many times the login interaction ran (a provider session skips it). */
  logins: number;
  stop(): Promise<void>;
}

function rsaKey(kid: string) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server: Server = createServer();
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: TestProvider = {
    issuer,
    account: { sub: "user-1" },
    hits: [],
    logins: 0,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const provider = new Provider(issuer, {
    clients: options.clients,
    jwks: { keys: [rsaKey("test-key-1")] },
    conformIdTokenClaims: options.conformIdTokenClaims,
    ...(options.clientAuthMethods ? { clientAuthMethods: options.clientAuthMethods } : {}),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test-cookie-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => ({
      accountId: id,
      claims: (use: string) => {
        const a = state.account;
        const sub = use === "userinfo" && a.userinfoSub ? a.userinfoSub : id;
        return {
          sub,
          name: "Anna Andersson",
          ...(a.email === undefined ? {} : { email: a.email }),
          ...(a.email_verified === undefined ? {} : { email_verified: a.email_verified }),
        };
      },
    }),
    // Consent is pre-granted, as for an app the organisation itself registered.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client!.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // The test keys are plain http on loopback; oidc-provider only warns about that.
  provider.on("server_error", (_ctx: unknown, err: unknown) =>
    console.error("oidc-provider:", err),
  );
  const callback = provider.callback();

  server.on("request", async (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    state.hits.push(path);
    if (path.startsWith("/interaction/")) {
      state.logins++;
      try {
        await provider.interactionDetails(req, res);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: state.account.sub } },
          { mergeWithLastSubmission: false },
        );
      } catch (err) {
        res.statusCode = 500;
        res.end(String(err));
      }
      return;
    }
    callback(req, res);
  });
  return state;
}

/** A server that accepts connections and never answers: a hanging issuer. */
export async function startSilentServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer(() => {});
  server.on("connection", (s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
