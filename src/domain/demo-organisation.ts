import { addDays as plusDays } from "./dates";
import { alignToSnapshots } from "./demo-history";

/**
 * A believable, deterministic demo organisation: a Skärholmen-like stadsdelsförvaltning
 * with 6 avdelningar, ~40 enheter, ~1000 staff and two years of completions. Pure data
 * (no DB) so the bench generator can reuse it at other sizes.
 */

/** ~1000 people employed today once leavers are gone, like the real förvaltning. */
export const DEMO_SIZE = 1075;

export interface DemoUnit {
  name: string;
  code: string;
  children: Array<{ name: string; code: string; weight: number }>;
}

export const DEMO_ORGANISATION: DemoUnit[] = [
  {
    name: "Avdelningen för förskola",
    code: "FSK",
    children: [
      "Bredängs förskoleenhet",
      "Sätra förskoleenhet",
      "Skärholmens förskoleenhet",
      "Vårbergs förskoleenhet",
      "Västertorps förskoleenhet",
      "Förskoleenhet Solhöjden",
      "Förskoleenhet Äppelgården",
      "Förskoleenhet Kvarnen",
      "Förskoleenhet Ekbacken",
      "Specialpedagogiskt team",
    ].map((name, i) => ({
      name,
      code: `FSK${String(i + 1).padStart(2, "0")}`,
      weight: i === 9 ? 1 : 4,
    })),
  },
  {
    name: "Avdelningen för äldreomsorg",
    code: "ALD",
    children: [
      "Hemtjänst Skärholmen",
      "Hemtjänst Bredäng",
      "Hemtjänst Sätra",
      "Vård- och omsorgsboendet Vårbergshemmet",
      "Vård- och omsorgsboendet Sätragården",
      "Dagverksamhet för äldre",
      "Biståndsenheten äldre",
      "Seniorträffpunkter",
    ].map((name, i) => ({
      name,
      code: `ALD${String(i + 1).padStart(2, "0")}`,
      weight: i < 5 ? 5 : 1.5,
    })),
  },
  {
    name: "Avdelningen för individ- och familjeomsorg",
    code: "IFO",
    children: [
      "Barn och ungdom utredning",
      "Barn och ungdom insats",
      "Vuxenenheten",
      "Försörjningsstöd",
      "Mottagningsenheten",
      "Familjeenheten",
    ].map((name, i) => ({ name, code: `IFO${String(i + 1).padStart(2, "0")}`, weight: 2.5 })),
  },
  {
    name: "Avdelningen för socialpsykiatri och funktionsnedsättning",
    code: "SOF",
    children: [
      "Gruppbostäder LSS norr",
      "Gruppbostäder LSS syd",
      "Daglig verksamhet",
      "Boendestöd",
      "Socialpsykiatriska boenden",
      "Biståndsenheten LSS",
      "Personlig assistans",
    ].map((name, i) => ({ name, code: `SOF${String(i + 1).padStart(2, "0")}`, weight: 2.5 })),
  },
  {
    name: "Avdelningen för kultur, fritid och stadsmiljö",
    code: "KFS",
    children: [
      "Fritidsgårdar",
      "Parklek och fritid för barn",
      "Lokalt utvecklingsarbete",
      "Stadsmiljö och park",
      "Trygghet och samverkan",
    ].map((name, i) => ({ name, code: `KFS${String(i + 1).padStart(2, "0")}`, weight: 1.5 })),
  },
  {
    name: "Avdelningen för administration",
    code: "ADM",
    children: ["HR-enheten", "Ekonomienheten", "Kommunikationsenheten", "Kansliet"].map(
      (name, i) => ({
        name,
        code: `ADM${String(i + 1).padStart(2, "0")}`,
        weight: 1,
      }),
    ),
  },
];

const FIRST_NAMES = [
  "Anna",
  "Maria",
  "Eva",
  "Karin",
  "Sara",
  "Lena",
  "Emma",
  "Kerstin",
  "Ingrid",
  "Malin",
  "Fatima",
  "Amina",
  "Leila",
  "Hanna",
  "Johanna",
  "Sofia",
  "Elin",
  "Linnea",
  "Aisha",
  "Nadia",
  "Erik",
  "Lars",
  "Karl",
  "Anders",
  "Johan",
  "Per",
  "Mikael",
  "Ahmed",
  "Mohammed",
  "Ali",
  "Jonas",
  "Daniel",
  "Peter",
  "Hassan",
  "Omar",
  "Ibrahim",
  "Mattias",
  "Fredrik",
  "Oskar",
  "Yusuf",
];
const LAST_NAMES = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Hassan",
  "Mohamed",
  "Ali",
  "Yilmaz",
  "Lindberg",
  "Lindström",
  "Berg",
  "Åberg",
  "Öberg",
  "Nordin",
  "Holm",
  "Sandberg",
  "Abdi",
  "Korhonen",
  "Nguyen",
  "Rodríguez",
  "Ahmadi",
  "Kaya",
];
const TITLES = [
  "Förskollärare",
  "Barnskötare",
  "Undersköterska",
  "Vårdbiträde",
  "Socialsekreterare",
  "Stödassistent",
  "Fritidsledare",
  "Handläggare",
  "Enhetschef",
  "Administratör",
];

/** Small deterministic PRNG (mulberry32): the same seed gives the same organisation. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPerson {
  employeeNo: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Index into the flattened list of enheter. */
  unitIndex: number;
  title: string;
  validFrom: string;
  validTo: string | null;
  /** A later move to another enhet, opening a second employment. */
  move?: { unitIndex: number; validFrom: string };
}

export interface DemoEvent {
  employeeNo: string;
  courseId: string;
  kind: "started" | "completed";
  date: string;
}

export interface DemoData {
  people: DemoPerson[];
  events: DemoEvent[];
}

function dateBetween(rand: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rand() * ((b - a) / 86_400_000 + 1)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/**
 * Generates `size` people spread over the enheter by weight, with hires, leavers, a few
 * moves, mandatory-course starts/completions (~24 % reached by the end of 2025, more in
 * 2026) and ~20 deepened-course attendances a year. `today` bounds every date; departures
 * and moves fall on the monthly staff lists' dates (demo-history.ts). `organisation` defaults
 * to the demo förvaltning; benchmarks pass a city-sized one.
 */
export function generateDemoData(
  size = DEMO_SIZE,
  today = "2026-11-25",
  seed = 2025,
  organisation: readonly DemoUnit[] = DEMO_ORGANISATION,
): DemoData {
  const rand = prng(seed);
  const enheter = organisation.flatMap((a) => a.children);
  const totalWeight = enheter.reduce((s, u) => s + u.weight, 0);
  const pickUnit = () => {
    let r = rand() * totalWeight;
    for (let i = 0; i < enheter.length; i++) {
      r -= enheter[i]!.weight;
      if (r <= 0) return i;
    }
    return enheter.length - 1;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const emails = new Set<string>();
  const people: DemoPerson[] = [];
  const events: DemoEvent[] = [];

  for (let i = 0; i < size; i++) {
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const employeeNo = String(100001 + i);
    let email = `${ascii(firstName)}.${ascii(lastName)}@skarholmen.example.se`;
    if (emails.has(email)) email = email.replace("@", `${i}@`);
    emails.add(email);
    const hired2026 = rand() < 0.08;
    const validFrom = hired2026
      ? dateBetween(rand, "2026-01-01", plusDays(today, -7))
      : dateBetween(rand, "2005-01-01", "2024-12-31");
    const leaves = rand() < 0.08;
    const validTo = leaves ? dateBetween(rand, "2025-03-01", plusDays(today, -1)) : null;
    const person: DemoPerson = {
      employeeNo,
      firstName,
      lastName,
      email,
      unitIndex: pickUnit(),
      title: pick(TITLES),
      validFrom,
      validTo: validTo !== null && validTo <= validFrom ? null : validTo,
    };
    if (!person.validTo && !hired2026 && rand() < 0.03) {
      person.move = {
        unitIndex: pickUnit(),
        validFrom: dateBetween(rand, "2025-06-01", "2026-09-30"),
      };
    }
    people.push(person);

    // Mandatory web course: ~24 % reached during 2025, ~30 % more during 2026.
    const r = rand();
    const startWindow: [string, string] | null =
      r < 0.24
        ? ["2025-02-01", "2025-12-20"]
        : r < 0.54
          ? ["2026-01-10", plusDays(today, -2)]
          : null;
    if (startWindow) {
      // ISO dates compare as text; the later of hire date and window start.
      const earliest = [validFrom, startWindow[0]].sort()[1]!;
      if (earliest <= startWindow[1]) {
        const started = dateBetween(rand, earliest, startWindow[1]);
        events.push({ employeeNo, courseId: "vbe-webb", kind: "started", date: started });
        if (rand() < 0.8) {
          const completed = plusDays(started, Math.floor(rand() * 30));
          if (completed <= today) {
            events.push({ employeeNo, courseId: "vbe-webb", kind: "completed", date: completed });
          }
        }
      }
    }
    // Deepened courses: about two per hundred a year, some attend both years.
    for (const [year, until] of [
      ["2025", "2025-12-15"],
      ["2026", plusDays(today, -1)],
    ] as const) {
      if (rand() < 0.021) {
        events.push({
          employeeNo,
          courseId: rand() < 0.7 ? "vbe-fordjupning" : "otillaten-paverkan",
          kind: "completed",
          date: dateBetween(rand, `${year}-03-01`, until),
        });
      }
    }
  }
  alignToSnapshots(people, today);
  return { people, events };
}

function ascii(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]/g, "");
}
