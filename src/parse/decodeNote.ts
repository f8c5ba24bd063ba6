export interface DecodedNote {
  /** The text with any byte-order mark dropped; "" for a binary file. */
  text: string;
  /** What was wrong with the bytes, or null. */
  problem: string | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** Bytes to text: UTF-8 (BOM or not) or UTF-16 with a BOM; invalid UTF-8 is kept with U+FFFD. */
export function decodeNote(bytes: Uint8Array): DecodedNote {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), problem: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), problem: null };
  if (looksBinary(bytes)) return { text: "", problem: "binary file, not Markdown text; skipped" };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), problem: null };
  } catch {
    return { text: utf8Lenient.decode(body), problem: "not valid UTF-8; unreadable bytes shown as U+FFFD" };
  }
}

/** A NUL byte in the first 8 KB is how git and grep tell binary from text. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}
