/**
 * One list of places per note, end to end in one array: for each note in turn, how many places,
 * then the places. How the check state keeps what every note links to: one flat array of numbers
 * parses, renumbers and counts in a few milliseconds at 10,000 notes, where thousands of small
 * arrays took twice as long and kept the garbage collector busy.
 */
export interface PlaceLists {
  flat: Int32Array;
  /** Where each note's count is in `flat`. */
  starts: Int32Array;
}

export function placeListsOf(lists: readonly (readonly number[])[]): PlaceLists {
  const flat = new Int32Array(lists.reduce((sum, list) => sum + 1 + list.length, 0));
  let at = 0;
  for (const list of lists) {
    flat[at++] = list.length;
    flat.set(list, at);
    at += list.length;
  }
  return withStarts(flat, lists.length) as PlaceLists;
}

/** The lists `value` holds in flat form, for `notes` notes with places below `end`; null when it holds no such thing. */
export function placeListsOfFlat(value: unknown, notes: number, end: number): PlaceLists | null {
  if (!Array.isArray(value) || !value.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const lists = withStarts(Int32Array.from(value as number[]), notes);
  if (lists === null) return null;
  for (let note = 0; note < notes; note++) {
    const start = lists.starts[note] as number;
    for (let i = 1; i <= (lists.flat[start] as number); i++) if ((lists.flat[start + i] as number) >= end) return null;
  }
  return lists;
}

/** Null when `flat` does not hold exactly `notes` lists. */
function withStarts(flat: Int32Array, notes: number): PlaceLists | null {
  const starts = new Int32Array(notes);
  let at = 0;
  for (let note = 0; note < notes; note++) {
    if (at >= flat.length) return null;
    starts[note] = at;
    at += 1 + (flat[at] as number);
  }
  return at === flat.length ? { flat, starts } : null;
}

/** The places of the note at `place`. */
export function placesAt(lists: PlaceLists, place: number): number[] {
  const start = lists.starts[place];
  return start === undefined ? [] : Array.from(lists.flat.subarray(start + 1, start + 1 + (lists.flat[start] as number)));
}

/** How many lists there are: one per note. */
export function listCount(lists: PlaceLists): number {
  return lists.starts.length;
}

/** The lists with those of some notes given anew; the others copied in runs between them. */
export function placeListsWith(lists: PlaceLists, given: ReadonlyMap<number, readonly number[]>): PlaceLists {
  if (given.size === 0) return lists;
  const { flat, starts } = lists;
  const ends = (place: number) => (starts[place] as number) + 1 + (flat[starts[place] as number] as number);
  let length = flat.length;
  for (const [place, list] of given) length += list.length - (ends(place) - (starts[place] as number) - 1);
  const now = new Int32Array(length);
  let at = 0;
  let from = 0;
  for (const place of [...given.keys()].sort((a, b) => a - b)) {
    const list = given.get(place) as readonly number[];
    now.set(flat.subarray(from, starts[place]), at);
    at += (starts[place] as number) - from;
    now[at++] = list.length;
    now.set(list, at);
    at += list.length;
    from = ends(place);
  }
  now.set(flat.subarray(from), at);
  return withStarts(now, starts.length) as PlaceLists;
}

/**
 * The lists by the places now: the note now at `place` has the list of the note at
 * `oldPlace[place]` (none for a new note, -1), each place in it renumbered by `newPlace` and
 * those of files gone (-1) left out.
 */
export function placeListsMoved(lists: PlaceLists, oldPlace: Int32Array, newPlace: Int32Array, notes: number): PlaceLists {
  const flat = new Int32Array(lists.flat.length + notes);
  let at = 0;
  for (let place = 0; place < notes; place++) {
    const old = oldPlace[place] ?? -1;
    const countAt = at++;
    let count = 0;
    const start = old === -1 ? -1 : (lists.starts[old] as number);
    for (let i = 1; start !== -1 && i <= (lists.flat[start] as number); i++) {
      const now = newPlace[lists.flat[start + i] as number] ?? -1;
      if (now !== -1) flat[at + count++] = now;
    }
    flat[countAt] = count;
    at += count;
  }
  return withStarts(flat.slice(0, at), notes) as PlaceLists;
}

/** The notes whose list holds a place that `marked` marks (1), in order. */
export function notesReaching(lists: PlaceLists, marked: Uint8Array): number[] {
  const { flat, starts } = lists;
  const reaching: number[] = [];
  starts.forEach((start, note) => {
    for (let i = 1; i <= (flat[start] as number); i++) {
      if (marked[flat[start + i] as number] === 1) {
        reaching.push(note);
        return;
      }
    }
  });
  return reaching;
}

/** The flat form, as JSON. */
export function placeListsJson(lists: PlaceLists): string {
  return `[${lists.flat.join(",")}]`;
}
