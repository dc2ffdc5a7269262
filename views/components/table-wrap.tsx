import type { Child } from "hono/jsx";

/**
 * A wide table scrolls sideways inside its own box instead of widening the page (phone
 * width). The box is a labelled, focusable region so keyboard users can scroll it too.
 */
export function TableWrap({ label, children }: { label: string; children: Child }) {
  return (
    <section class="table-wrap" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
