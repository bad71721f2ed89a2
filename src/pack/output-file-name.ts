// Output names come from our own words and a validated period, reduced to safe characters, so a
// name can never leave the output folder or surprise a file system.
export function outputFileName(period: string, documentKind: string, extension: string): string {
  const slug = `${documentKind}-${period}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "report"}.${extension}`;
}
