// Text as it arrives from Word, Excel or a web page: the invisible differences are made plain,
// and characters that cannot be printed are found so they can be refused with their place.

/** No-break, figure and narrow no-break spaces become ordinary spaces; Windows line ends become \n. */
export function normalisePastedText(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f]/g, " ").replace(/\r\n?/g, "\n");
}

export interface ControlCharacter {
  code: number;
  /** "U+0007" */
  codePoint: string;
  /** Up to 20 characters of text before it, to find it by. */
  after: string;
}

/**
 * The first control character other than tab and line break. C1 controls (U+0080–U+009F) are
 * usually a Windows curly quote or dash saved with the wrong encoding.
 */
export function findControlCharacter(text: string): ControlCharacter | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const match = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return { code, codePoint, after: text.slice(Math.max(0, match.index - 20), match.index) };
}
