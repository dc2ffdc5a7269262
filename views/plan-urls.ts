/** URLs of the action-plan pages, built in one place so links and forms agree. */
export const planUrls = {
  plan: (year: number) => `/handlingsplan/${year}`,
  newActivity: (year: number) => `/handlingsplan/${year}/aktivitet/ny`,
  activities: (year: number) => `/handlingsplan/${year}/aktivitet`,
  activity: (year: number, id: number) => `/handlingsplan/${year}/aktivitet/${id}`,
  remove: (year: number, id: number) => `/handlingsplan/${year}/aktivitet/${id}/ta-bort`,
  import: (year: number) => `/handlingsplan/${year}/import`,
  copy: (year: number) => `/handlingsplan/${year}/kopiera`,
  review: (year: number) => `/handlingsplan/${year}/berattelse`,
  print: (year: number) => `/handlingsplan/${year}/berattelse/utskrift`,
  export: (year: number) => `/handlingsplan/${year}/berattelse/export.xlsx`,
};
