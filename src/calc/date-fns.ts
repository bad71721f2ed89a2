// date-fns, loaded function by function through its CommonJS build. Node 24 re-reads date-fns'
// 200 KB package.json for each of the hundreds of ES modules the package is split into, which
// made every `scrutiny` command spend about two seconds starting; requiring only the functions we
// use, as CommonJS, takes a few milliseconds (docs/performance.md). Import date functions from
// here, never from "date-fns".
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const load = <Name extends keyof typeof import("date-fns")>(name: Name): typeof import("date-fns")[Name] =>
  (require(`date-fns/${name}`) as typeof import("date-fns"))[name];

export const addMonths = load("addMonths");
export const differenceInCalendarDays = load("differenceInCalendarDays");
export const endOfMonth = load("endOfMonth");
export const endOfYear = load("endOfYear");
export const format = load("format");
export const getYear = load("getYear");
export const isAfter = load("isAfter");
export const isBefore = load("isBefore");
export const isValid = load("isValid");
export const parse = load("parse");
export const parseISO = load("parseISO");
export const subMonths = load("subMonths");
export const { enGB } = require("date-fns/locale/en-GB") as typeof import("date-fns/locale/en-GB");
