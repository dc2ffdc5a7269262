import type { PlanStatus } from "../../src/domain/plan-status";
import { STATUS_KEY } from "../../src/domain/plan-status";

/** A status as a labelled badge; the class carries the colour (no inline styles: CSP). */
export function StatusBadge({ status }: { status: PlanStatus }) {
  return <span class={`plan-status plan-status-${STATUS_KEY[status]}`}>{status}</span>;
}
