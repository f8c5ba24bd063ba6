/** Joins small strings into pieces of about `size` characters, for writing big outputs without one huge string. */
export function* inPieces(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    length += chunk.length;
    if (length < size) continue;
    yield batch.join("");
    [batch, length] = [[], 0];
  }
  if (batch.length > 0) yield batch.join("");
}

/** `inPieces` for a mix of text and bytes: runs of text are joined, bytes pass as they are (no copy). */
export function* inPiecesMixed(chunks: Iterable<string | Uint8Array>, size = 1 << 20): Generator<string | Uint8Array> {
  let run: string[] = [];
  for (const chunk of chunks) {
    if (typeof chunk === "string") {
      run.push(chunk);
      continue;
    }
    yield* inPieces(run, size);
    run = [];
    yield chunk;
  }
  yield* inPieces(run, size);
}
