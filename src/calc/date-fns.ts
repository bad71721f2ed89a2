// date-fns, loaded through its CommonJS build. Node 24 re-reads date-fns' 200 KB package.json for
// each of the hundreds of ES modules the package is split into, which made every `scrutiny`
// command spend about two seconds starting; the CommonJS build loads the same functions in a
// tenth of that (docs/performance.md). Import date functions from here, never from "date-fns".
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const dateFns = require("date-fns") as typeof import("date-fns");
const locales = require("date-fns/locale/en-GB") as typeof import("date-fns/locale/en-GB");

export const {
  addMonths,
  differenceInCalendarDays,
  endOfMonth,
  endOfYear,
  format,
  getYear,
  isAfter,
  isBefore,
  isValid,
  parse,
  parseISO,
  subMonths,
} = dateFns;
export const { enGB } = locales;
