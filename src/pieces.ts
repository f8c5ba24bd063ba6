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

/**
 * `inPieces` for a mix of text and bytes, as bytes: many small pieces (a kept line per note) are
 * one write each otherwise, and 10,000 of them cost more than the copy.
 */
export function* inPiecesMixed(chunks: Iterable<string | Uint8Array>, size = 1 << 20): Generator<Uint8Array> {
  let batch: Uint8Array[] = [];
  let length = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    // Views that continue one another in the same memory (kept lines read from one file) become one view, copied in one go.
    const last = batch[batch.length - 1];
    if (last && last.buffer === bytes.buffer && last.byteOffset + last.length === bytes.byteOffset) batch[batch.length - 1] = new Uint8Array(bytes.buffer, last.byteOffset, last.length + bytes.length);
    else batch.push(bytes);
    length += bytes.length;
    if (length < size) continue;
    yield Buffer.concat(batch, length);
    [batch, length] = [[], 0];
  }
  if (batch.length > 0) yield Buffer.concat(batch, length);
}
