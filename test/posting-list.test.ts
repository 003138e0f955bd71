// PostingList against a plain Map: adds, removes and renumbering, with and without the long-list bitsets.

import { describe, expect, it } from 'vitest';
import { BITSET_LIST_MIN, PostingList } from '../engine/core/search/posting-list.ts';
import { mulberry32 } from '../common/prng.ts';

const SEED = 11;
const ID_SPAN = 20_000;

function agree(list: PostingList, model: Map<number, number>): void {
  const ids = [...model.keys()].sort((a, b) => a - b);
  expect(Array.from(list.ids.subarray(0, list.length))).toEqual(ids);
  const wrong: number[] = [];
  for (let id = 0; id < ID_SPAN + 64; id++) if (list.flagOf(id) !== (model.get(id) ?? 0)) wrong.push(id);
  expect(wrong).toEqual([]);
}

describe('posting list', () => {
  it.each([false, true])('agrees with a map through adds, removes and a renumbering (name list: %s)', (nameList) => {
    const rng = mulberry32(SEED);
    const list = new PostingList(nameList ? BITSET_LIST_MIN : Infinity);
    const model = new Map<number, number>();
    for (let i = 0; i < BITSET_LIST_MIN * 3; i++) {
      const id = Math.floor(rng() * ID_SPAN);
      if (rng() < 0.2) {
        list.remove(id);
        model.delete(id);
      } else {
        const flag = 1 + Math.floor(rng() * 3);
        list.add(id, flag);
        model.set(id, (model.get(id) ?? 0) | flag);
      }
    }
    expect(list.hasBitsets).toBe(nameList);
    agree(list, model);
    // Renumbering reverses the ids (order broken, so the list re-sorts and rebuilds its bitsets).
    const map = new Int32Array(ID_SPAN).map((_, id) => ID_SPAN - 1 - id);
    list.remap(map);
    agree(list, new Map([...model].map(([id, flag]) => [ID_SPAN - 1 - id, flag])));
  });
});
