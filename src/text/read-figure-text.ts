// The one rule for a figure that arrives as text, usually pasted from a spreadsheet: accept a
// number written as an English-language spreadsheet shows it, and refuse everything else with a
// reason. Never parseFloat, which reads "1,234" as 1 without a word.

export type FigureReading = { ok: true; value: number } | { ok: false; message: string; hint: string };

/**
 * Optional sign (hyphen, plus or the Unicode minus sign), optional "£", digits with commas only
 * between groups of three, optional decimals, optional "%". The figure is taken as written:
 * "85%" is 85, because targets and actuals of percentage indicators are written in points.
 */
const SPREADSHEET_NUMBER =
  /^(?<sign>[-+\u2212])?(?<pound>£)?(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?<decimals>\.\d+)?(?<percent>%)?$/u;

const NOT_AVAILABLE_HINT =
  "If there is no figure for the period, leave it out and set dataStatus to awaited or notAvailable.";
const WRITE_A_NUMBER_HINT = "Write a number such as 1234.5, 1,234, £1,234, 85% or -3.";

export function readFigureText(written: string): FigureReading {
  // Spreadsheets pad cells with ordinary and no-break spaces; JavaScript's \s covers both.
  const text = written.trim();
  const refuse = (message: string, hint: string): FigureReading => ({ ok: false, message, hint });

  const match = SPREADSHEET_NUMBER.exec(text);
  if (match?.groups) {
    const { sign, pound, whole = "", decimals = "", percent } = match.groups;
    if (pound && percent)
      return refuse("a figure cannot be both pounds (£) and a percentage (%)", WRITE_A_NUMBER_HINT);
    const digits = whole.replaceAll(",", "");
    if (/^0\d/.test(digits)) {
      return refuse(
        "a figure does not start with a zero unless it is 0 or 0.something",
        "Write the figure without the leading zero; if it is a code or reference, it does not belong here.",
      );
    }
    if (digits.length > 15) {
      return refuse("the figure has more digits than a number can hold exactly", "Round it to fewer digits.");
    }
    const negative = sign === "-" || sign === "\u2212";
    return { ok: true, value: Number(`${negative ? "-" : ""}${digits}${decimals}`) };
  }

  if (text === "") {
    return refuse("no figure is given", NOT_AVAILABLE_HINT);
  }
  if (text.startsWith("=")) {
    return refuse(
      "this is a spreadsheet formula, not its value",
      "Copy the value the spreadsheet shows (in Excel: Paste Special → Values), not the formula.",
    );
  }
  if (/^#[A-Z][A-Z0-9/_]*[!?]?$/i.test(text)) {
    return refuse(
      "this is a spreadsheet error, not a figure",
      `Correct the spreadsheet. ${NOT_AVAILABLE_HINT}`,
    );
  }
  if (/^[-\u2013\u2014]+$/.test(text)) {
    return refuse("a dash is not a figure", `Write 0 if it means zero. ${NOT_AVAILABLE_HINT}`);
  }
  if (/^(n\/?a|n\.a\.?|not (available|applicable|known)|tbc|tba|nil|none|unknown)$/i.test(text)) {
    return refuse("this says there is no figure", NOT_AVAILABLE_HINT);
  }
  if (/^\(.*\)$/.test(text)) {
    return refuse(
      "brackets are an accounting way of writing a negative figure",
      "Write it with a minus sign: -1,234.",
    );
  }
  if (/^[-+\u2212]?£?\d{1,3}(\.\d{3})+(,\d+)?%?$/.test(text) || /^[-+\u2212]?£?\d+,\d+%?$/.test(text)) {
    return refuse(
      /\./.test(text)
        ? "this looks like a decimal comma with full stops between thousands"
        : "commas may only separate groups of three digits",
      "Write decimals with a full stop (1234.5); commas, if any, go between groups of three digits (1,234.5).",
    );
  }
  if (/^[\u2013\u2014]/.test(text)) {
    return refuse(
      "the figure starts with a dash that is not a minus sign",
      "Type the minus sign again as -.",
    );
  }
  if (/\p{L}/u.test(text)) {
    return refuse(
      "the figure has words in it",
      "Give the figure alone: the indicator's unit says what it counts (days, %, £).",
    );
  }
  if (/\d\s+\d/.test(text)) {
    return refuse(
      "the figure has a space inside it",
      "Write it without spaces, with commas between thousands if wanted: 1,234.",
    );
  }
  return refuse("this is not a figure as a spreadsheet shows one", WRITE_A_NUMBER_HINT);
}
