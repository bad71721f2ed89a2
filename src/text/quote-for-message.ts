// Text from the data shown inside a problem message. Control, invisible and direction-changing
// characters are written out as \uXXXX: the officer sees that they are there, and a terminal
// cannot act on them (ESC and U+009B start terminal commands).

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to make visible.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

export function escapeForMessage(text: string): string {
  return text.replace(
    UNSAFE_CHARACTERS,
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/** In double quotes, shortened to `maxLength` characters: `"Waste\u0007 collected"`. */
export function quoteForMessage(text: string, maxLength = 60): string {
  const shortened = text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
  return `"${escapeForMessage(shortened.replace(/["\\]/g, (character) => `\\${character}`))}"`;
}
