import type { StaffQuery } from "../../src/domain/staff-query";
import { formatCount } from "../format";
import { urls } from "../urls";
import { SwapLink } from "./swap-link";

export interface StaffPagerProps {
  unitId: number;
  asOf: string;
  query: StaffQuery;
  page: number;
  pageCount: number;
}

/** Previous / "Sida 2 av 7" / next, plus first and last; nothing when it all fits one page. */
export function StaffPager({ unitId, asOf, query, page, pageCount }: StaffPagerProps) {
  if (pageCount <= 1) return null;
  const to = (p: number) => urls.staff(unitId, asOf, { ...query, page: p });
  return (
    <nav aria-label="Sidor i personallistan" class="pager staff-pager">
      {page > 1 ? (
        <>
          <SwapLink href={to(1)} target="#staff-result">
            « Första
          </SwapLink>
          <SwapLink href={to(page - 1)} target="#staff-result" rel="prev">
            ‹ Föregående
          </SwapLink>
        </>
      ) : null}
      <span class="pager-position">
        Sida {formatCount(page)} av {formatCount(pageCount)}
      </span>
      {page < pageCount ? (
        <>
          <SwapLink href={to(page + 1)} target="#staff-result" rel="next">
            Nästa ›
          </SwapLink>
          <SwapLink href={to(pageCount)} target="#staff-result">
            Sista »
          </SwapLink>
        </>
      ) : null}
    </nav>
  );
}
