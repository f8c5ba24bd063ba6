export type NoteEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface DecodedNote {
  /** The text with any byte-order mark dropped; "" for a binary file. */
  text: string;
  /** What was wrong with the bytes, or null. */
  problem: string | null;
  /** How to write the text back byte for byte; null when it cannot be (binary, invalid UTF-8). */
  encoding: NoteEncoding | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** Bytes to text: UTF-8 (BOM or not) or UTF-16 with a BOM; invalid UTF-8 is kept with U+FFFD. */
export function decodeNote(bytes: Uint8Array): DecodedNote {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), problem: null, encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), problem: null, encoding: "utf-16be" };
  if (looksBinary(bytes)) return { text: "", problem: "binary file, not Markdown text; skipped", encoding: null };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), problem: null, encoding: bom ? "utf-8-bom" : "utf-8" };
  } catch {
    return { text: utf8Lenient.decode(body), problem: "not valid UTF-8; unreadable bytes shown as U+FFFD", encoding: null };
  }
}

/** A NUL byte in the first 8 KB is how git and grep tell binary from text. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** Text back to bytes in the encoding it was read in, byte-order mark included. */
export function encodeNote(text: string, encoding: NoteEncoding): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  if (encoding === "utf-8-bom") return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const bytes = new Uint8Array(2 + text.length * 2);
  const littleEndian = encoding === "utf-16le";
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}
