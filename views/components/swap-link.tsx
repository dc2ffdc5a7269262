import type { Child } from "hono/jsx";

/**
 * A link that, with htmx, swaps only `target` and pushes the URL (sort, page); without
 * JavaScript it is an ordinary link to the same full page.
 */
export function SwapLink({
  href,
  target,
  children,
  rel,
}: {
  href: string;
  target: string;
  children: Child;
  rel?: "prev" | "next";
}) {
  return (
    <a
      href={href}
      rel={rel}
      hx-get={href}
      hx-target={target}
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      {children}
    </a>
  );
}
