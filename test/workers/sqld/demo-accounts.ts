/** Accounts globalSetup adds besides the demo seed (no Node imports: workerd tests read it). */

/** Hashed with the pre-N=2^14 parameters (N=2^15, r=8, p=3): rewritten at its next sign-in. */
export const OLD_HASH_EMAIL = "gammal.hash@demo.se";
