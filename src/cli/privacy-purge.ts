import type { Db } from "../../db/client";
import { stockholmDate } from "../domain/dates";
import { type PurgePlan, planPurge, runPurge } from "../services/privacy/purge";
import type { ParsedArgs } from "./args";
import type { CliIo, CliOutput } from "./io";

/**
 * `privacy purge [--dry-run] [--json]`: the retention purge with the periods set on the
 * admin page. The dry run lists who would lose their identity; the real run prints counts
 * only (a list of the removed names would be a new copy of them in someone's terminal log).
 */
export async function privacyPurge(db: Db, args: ParsedArgs, io: CliIo): Promise<CliOutput> {
  const now = io.now();
  const q = { today: stockholmDate(now), now };
  const dryRun = args.values["dry-run"];
  const plan = dryRun
    ? await planPurge(db, q)
    : await runPurge(db, { ...q, actor: { userId: null, ip: "cli" } });
  const json = {
    dryRun,
    today: plan.today,
    policy: plan.policy,
    cutoffs: plan.cutoffs,
    counts: plan.counts,
    ...(dryRun ? { people: plan.people } : {}),
  };
  return { json, text: purgeText(plan) };
}

export function purgeText(plan: PurgePlan): string {
  const c = plan.counts;
  const lines = [
    plan.dryRun ? "Provkörning – inget har ändrats." : "Gallringen är klar.",
    `Regler: personuppgifter om dem som slutat sparas ${plan.policy.leaverYears} år efter sista anställningsdag (slutat före ${plan.cutoffs.leaverEndedBefore}); loggar sparas ${plan.policy.logYears} år (före ${plan.cutoffs.logsBefore}).`,
    `${plan.dryRun ? "Skulle avidentifieras" : "Avidentifierade"}: ${c.people} personer`,
    `Manuella kopplingar: ${c.personLinks}  Filrader: ${c.unmatchedRows}  Ångra-uppgifter: ${c.importEffects}`,
    `Granskningslogg: ${c.auditEntries}  Åtkomstlogg: ${c.accessEntries}  Förhandsgranskade filer: ${c.pendingUploads}`,
  ];
  if (plan.dryRun) {
    for (const p of plan.people) {
      lines.push(`  ${p.employeeNo ?? "–"}  ${p.name}  (slutade ${p.lastEnded})`);
    }
  }
  return lines.join("\n");
}
