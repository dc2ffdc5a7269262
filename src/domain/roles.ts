import type { Role } from "../../db/schema";

/**
 * The four roles, for forms and menus. db/schema.ts keeps its own list for the column (db/
 * imports nothing of ours); the two assignments below fail to compile if they ever differ.
 */
export const ROLES = ["admin", "hr", "ledning", "chef"] as const;

const _everyRoleHere: readonly (typeof ROLES)[number][] = [] as Role[];
const _onlyRolesHere: readonly Role[] = ROLES;
void _everyRoleHere;
void _onlyRolesHere;
