import { createHeldChildren, type ChildStager } from '../processing/stageLocationChildren';

/**
 * Holds a Location's children in memory, as the engine does for a small Location, but refuses
 * the one past `room`: a dry run stops while a huge file is still being parsed instead of
 * holding all of it. `refuse` makes the error thrown (and tells the caller why it stopped).
 */
export function createCappedChildren(room: number, refuse: () => Error): ChildStager {
  const held = createHeldChildren();
  let added = 0;
  return {
    ...held,
    async add(row) {
      added += 1;
      if (added > room) throw refuse();
      await held.add(row);
    },
  };
}
