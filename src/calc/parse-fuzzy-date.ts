// Dates as councils write them ("Mar 24", "Spring 2021", "TBC", "ongoing"): the text is kept as
// written and, where it names a point in time, read as the END of the named day, month, season or
// year, so nothing is called overdue before the whole of the period it names has passed.
import {
  addMonths,
  endOfMonth,
  endOfYear,
  enGB,
  format,
  isAfter,
  isBefore,
  isValid,
  parse,
  subMonths,
} from "./date-fns.ts";

export type FuzzyDateKind =
  /** A date could be read: `date` is set. */
  | "date"
  /** "TBC", "to be determined". */
  | "toBeConfirmed"
  /** "ongoing", "continuous", "now in place". */
  | "ongoing"
  /** "Current practice, no change is anticipated." */
  | "noChange"
  /** "Oct", "Sept–Dec": a month without a year, placed by a delivery plan's `runs` dates. */
  | "noYear"
  /** "end of next year", "immediate", "details as above", or text with no date in it. */
  | "unresolvable";

export interface FuzzyDate {
  /** As the officer wrote it, for display. */
  text: string;
  kind: FuzzyDateKind;
  /** True when `date` is set and calculations may use it. */
  fixed: boolean;
  /** ISO date: the end of the latest day, month, season or year the text names. */
  date?: string;
  /** ISO date: the start of the earliest period the text names (a range's start, a month's first day). */
  from?: string;
  /** How the text was read, in a sentence. */
  reason: string;
}

/** The months a plan runs over, used to place a month written without a year. */
export interface DateWindow {
  from: string;
  to: string;
}

export interface ParseFuzzyDateOptions {
  window?: DateWindow | undefined;
}

interface NamedSpan {
  from: Date;
  to: Date;
  /** "May 2023", "spring 2021", "2020", "25 March 2024". */
  label: string;
}

// Month names come from date-fns' British English locale; "Sept" is the one common spelling it lacks.
const monthNames = new Map<string, number>();
for (let month = 0; month < 12; month++) {
  for (const width of ["wide", "abbreviated"] as const) {
    monthNames.set(enGB.localize.month(month as 0, { width }).toLowerCase(), month);
  }
}
monthNames.set("sept", 8);
const MONTH = `(${[...monthNames.keys()].sort((a, b) => b.length - a.length).join("|")})`;

// Meteorological seasons, as the Met Office uses them: winter 2020 runs December 2020–February 2021.
const seasonStartMonths: Readonly<Record<string, number>> = {
  spring: 2,
  summer: 5,
  autumn: 8,
  fall: 8,
  winter: 11,
};

// Two-digit years are read with a fixed reference so the result never depends on today's date:
// 00–49 are 2000–2049, 50–99 are 1950–1999.
const TWO_DIGIT_YEAR_REFERENCE = new Date(2000, 0, 1);

const expressionsInText: readonly {
  pattern: RegExp;
  read: (match: RegExpExecArray) => NamedSpan | undefined;
}[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (match) => readDay(match[0], "yyyy-MM-dd") },
  // UK numeric dates, day first as British officers write them: 31/03/2024, 31.03.2024.
  {
    pattern: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g,
    read: (match) => readDay(`${match[1]} ${match[2]} ${match[3]}`, "d M yyyy"),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, "g"),
    read: (match) => readDay(`${match[1]} ${monthOf(match[2]) + 1} ${match[3]}`, "d M yyyy"),
  },
  {
    pattern: new RegExp(`\\b${MONTH}\\s*(?:-|to)\\s*${MONTH}\\s+(\\d{4})\\b`, "g"),
    read: (match) => readMonthRange(match[1], match[2], Number(match[3])),
  },
  {
    pattern: new RegExp(`\\b${MONTH}\\s*,?\\s+(\\d{4})\\b`, "g"),
    read: (match) => readMonth(monthOf(match[1]), Number(match[2])),
  },
  {
    pattern: /\b(spring|summer|autumn|fall|winter)\s+(\d{4})\b/g,
    read: (match) => readSeason(match[1] ?? "", Number(match[2])),
  },
  { pattern: /\b(?:end of|during|by|in)\s+(\d{4})\b/g, read: (match) => readYear(Number(match[1])) },
];

const keywordKinds: readonly { kind: FuzzyDateKind; pattern: RegExp; reason: string }[] = [
  {
    kind: "toBeConfirmed",
    pattern: /\b(tbc|tbd|tba|to be (confirmed|determined|agreed|decided|arranged))\b/,
    reason: "No fixed date: to be confirmed.",
  },
  {
    kind: "noChange",
    pattern: /\b(current practice|no change|business as usual)\b/,
    reason: "No fixed date: this is current practice and no change is planned.",
  },
  {
    kind: "ongoing",
    pattern: /\b(ongoing|on-going|continuous|continuing|continual|rolling|in place)\b/,
    reason: "No fixed date: the work is ongoing.",
  },
  {
    kind: "unresolvable",
    pattern:
      /\b(next|this|coming|last|immediate|immediately|asap|as soon as|as above|financial year|municipal year)\b/,
    reason:
      "No fixed date: the text is relative to when it was written, so it cannot be placed on a calendar.",
  },
];

/**
 * Reads a date as councils write it. Every date found in the text counts: the result is the end of
 * the latest one ("starting November 2019 and concluding by March 2020" → 31 March 2020), because
 * the work is not finished until its last dated step is. Words such as "early", "mid" and "by" do
 * not move the date: "early December 2019" is 31 December 2019, so nothing is called overdue early.
 */
export function parseFuzzyDate(text: string, options: ParseFuzzyDateOptions = {}): FuzzyDate {
  const original = text.trim();
  const plain = normalise(original);

  // Each expression is read once: text already read ("Sept–Dec 2020") is blanked out before the
  // next, shorter pattern ("Dec 2020") looks at it.
  const spans: NamedSpan[] = [];
  let unread = plain;
  for (const { pattern, read } of expressionsInText) {
    for (const match of [...unread.matchAll(pattern)]) {
      const span = read(match);
      if (!span) continue;
      spans.push(span);
      unread =
        unread.slice(0, match.index) +
        " ".repeat(match[0].length) +
        unread.slice(match.index + match[0].length);
    }
  }
  const whole = spans.length === 0 ? readWholeText(plain) : undefined;
  if (whole) spans.push(whole);
  if (spans.length > 0) return fixedDate(original, spans);

  const withoutYear = readMonthsWithoutYear(plain);
  if (withoutYear) {
    const placed = options.window ? placeInWindow(withoutYear, options.window) : undefined;
    if (placed) return fixedDate(original, [placed]);
    const where = options.window
      ? ` and does not fall between ${longDate(toDate(options.window.from))} and ${longDate(toDate(options.window.to))}, when the plan runs`
      : "; give the delivery plan's runs dates or write the year";
    return {
      text: original,
      kind: "noYear",
      fixed: false,
      reason: `No fixed date: "${original}" names no year${where}.`,
    };
  }

  for (const { kind, pattern, reason } of keywordKinds) {
    if (pattern.test(plain)) return { text: original, kind, fixed: false, reason };
  }
  return {
    text: original,
    kind: "unresolvable",
    fixed: false,
    reason: "No fixed date: Scrutiny found no date in this text.",
  };
}

/** A date read without a plan's dates, read again with them when it named a month but no year. */
export function resolveFuzzyDate(date: FuzzyDate, window: DateWindow | undefined): FuzzyDate {
  return date.kind === "noYear" && window ? parseFuzzyDate(date.text, { window }) : date;
}

/** "31 May 2023": dates in reasons and tables. */
export function longDate(date: Date): string {
  return format(date, "d MMMM yyyy");
}

function fixedDate(text: string, spans: NamedSpan[]): FuzzyDate {
  const latest = spans.reduce((best, span) => (isAfter(span.to, best.to) ? span : best));
  const earliest = spans.reduce((best, span) => (isBefore(span.from, best.from) ? span : best));
  const labels = [...new Set(spans.map((span) => span.label))];
  const reason =
    labels.length === 1
      ? latest.label === longDate(latest.to)
        ? `Read as ${longDate(latest.to)}.`
        : `Read as ${longDate(latest.to)}, the end of ${latest.label}.`
      : `Read as ${longDate(latest.to)}, the end of the latest date given (${labels.join("; ")}).`;
  return {
    text,
    kind: "date",
    fixed: true,
    date: format(latest.to, "yyyy-MM-dd"),
    from: format(earliest.from, "yyyy-MM-dd"),
    reason,
  };
}

/** Lower case, HTML tags and trailing full stops dropped, dashes and spaces made plain. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .replace(/[\u2012-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();
}

const QUALIFIER =
  "(?:(?:by|in|during|from|until|before)\\s+)?(?:the\\s+)?(?:(?:early|mid|late|end of|beginning of|start of)[- ]\\s*)?";

/** Forms read only when they are the whole text: "Mar 24" (month and two-digit year), "2024". */
function readWholeText(plain: string): NamedSpan | undefined {
  const shortYear = new RegExp(`^${QUALIFIER}${MONTH}\\s+'?(\\d{2})$`).exec(plain);
  if (shortYear) {
    const year = parse(shortYear[2] ?? "", "yy", TWO_DIGIT_YEAR_REFERENCE).getFullYear();
    return readMonth(monthOf(shortYear[1]), year);
  }
  const yearOnly = new RegExp(`^${QUALIFIER}(\\d{4})$`).exec(plain);
  if (yearOnly) return readYear(Number(yearOnly[1]));
  return undefined;
}

/** "oct", "sept - dec", "june to mar": months named without a year. */
function readMonthsWithoutYear(plain: string): { first: number; last: number } | undefined {
  const range = new RegExp(`^${QUALIFIER}${MONTH}(?:\\s*(?:-|to)\\s*${MONTH})?$`).exec(plain);
  if (!range) return undefined;
  const first = monthOf(range[1]);
  return { first, last: range[2] === undefined ? first : monthOf(range[2]) };
}

/** The first time the last month ends inside the window; the range starts at the month before it. */
function placeInWindow(months: { first: number; last: number }, window: DateWindow): NamedSpan | undefined {
  const windowStart = toDate(window.from);
  const windowEnd = endOfMonth(toDate(window.to));
  for (let year = windowStart.getFullYear(); year <= windowEnd.getFullYear(); year++) {
    const lastMonth = new Date(year, months.last, 1);
    if (isBefore(endOfMonth(lastMonth), windowStart) || isAfter(endOfMonth(lastMonth), windowEnd)) continue;
    const monthsBack = (months.last - months.first + 12) % 12;
    const from = subMonths(lastMonth, monthsBack);
    const to = endOfMonth(lastMonth);
    return { from, to, label: monthsBack === 0 ? format(to, "MMMM yyyy") : rangeLabel(from, to) };
  }
  return undefined;
}

function readDay(text: string, pattern: string): NamedSpan | undefined {
  const day = parse(text, pattern, TWO_DIGIT_YEAR_REFERENCE);
  if (!isValid(day)) return undefined;
  return { from: day, to: day, label: longDate(day) };
}

function readMonth(month: number, year: number): NamedSpan {
  const from = new Date(year, month, 1);
  return { from, to: endOfMonth(from), label: format(from, "MMMM yyyy") };
}

/** "June–March 2021" runs from June 2020: the year belongs to the last month. */
function readMonthRange(first: string | undefined, last: string | undefined, year: number): NamedSpan {
  const lastMonth = new Date(year, monthOf(last), 1);
  const from = subMonths(lastMonth, (monthOf(last) - monthOf(first) + 12) % 12);
  return { from, to: endOfMonth(lastMonth), label: rangeLabel(from, lastMonth) };
}

function readSeason(season: string, year: number): NamedSpan | undefined {
  const startMonth = seasonStartMonths[season];
  if (startMonth === undefined) return undefined;
  const from = new Date(year, startMonth, 1);
  const to = endOfMonth(addMonths(from, 2));
  return { from, to, label: `${season === "fall" ? "autumn" : season} ${year} (${rangeLabel(from, to)})` };
}

/** "September–December 2020", or "December 2020–February 2021" across a year end. */
function rangeLabel(from: Date, to: Date): string {
  return from.getFullYear() === to.getFullYear()
    ? `${format(from, "MMMM")}–${format(to, "MMMM yyyy")}`
    : `${format(from, "MMMM yyyy")}–${format(to, "MMMM yyyy")}`;
}

function readYear(year: number): NamedSpan {
  const from = new Date(year, 0, 1);
  return { from, to: endOfYear(from), label: String(year) };
}

function monthOf(name: string | undefined): number {
  return monthNames.get(name ?? "") ?? 0;
}

function toDate(isoDate: string): Date {
  return parse(isoDate, "yyyy-MM-dd", TWO_DIGIT_YEAR_REFERENCE);
}
