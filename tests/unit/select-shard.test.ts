// --shard i/n: every report in exactly one shard, shards within one report of each other in size,
// and the same split whatever order pack.yaml lists the reports in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShard, selectShard } from "../../src/pack/select-shard.ts";

const identity = (key: string) => key;

describe("selectShard", () => {
  it("deals the reports out by key, so shards 1/3, 2/3 and 3/3 hold each report once", () => {
    const keys = ["q4", "housing-board", "q1", "q2", "q3", "adults"];
    const shards = [1, 2, 3].map((index) => selectShard(keys, identity, { index, count: 3 }));
    // By key: adults, housing-board, q1, q2, q3, q4; each shard in the pack's own order.
    expect(shards).toEqual([
      ["q2", "adults"],
      ["housing-board", "q3"],
      ["q4", "q1"],
    ]);
  });

  it("for any keys and any n: a partition, balanced, independent of the listing order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (keys, count) => {
          const shards = Array.from({ length: count }, (_, index) =>
            selectShard(keys, identity, { index: index + 1, count }),
          );
          expect(shards.flat().sort()).toEqual([...keys].sort());
          const sizes = shards.map((shard) => shard.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          const again = selectShard([...keys].reverse(), identity, { index: 1, count });
          expect([...again].sort()).toEqual([...(shards[0] ?? [])].sort());
        },
      ),
    );
  });
});

describe("parseShard", () => {
  it.each([
    ["1/3", { index: 1, count: 3 }],
    [" 3 / 3 ", { index: 3, count: 3 }],
    ["1/1", { index: 1, count: 1 }],
    ["0/3", undefined],
    ["4/3", undefined],
    ["1/0", undefined],
    ["a/b", undefined],
    ["2", undefined],
  ])("%j → %j", (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });
});
