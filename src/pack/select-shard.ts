// `--shard i/n`: which reports of a pack one of n CI runners builds. Pure and deterministic: the
// reports are ordered by key (not by their place in pack.yaml, so moving an entry moves nothing),
// then dealt out in turn, so every report is in exactly one shard and shard sizes differ by at most one.

export interface Shard {
  /** 1-based: the first shard is 1/n. */
  index: number;
  count: number;
}

/** "2/3" → { index: 2, count: 3 }; undefined when the text is not a shard. */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The items of one shard, in their original order. */
export function selectShard<Item>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  shard: Shard,
): Item[] {
  const byKey = [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const chosen = new Set(byKey.filter((_item, position) => position % shard.count === shard.index - 1));
  return items.filter((item) => chosen.has(item));
}

/** Code-unit order, so every machine and locale sorts keys the same way. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
