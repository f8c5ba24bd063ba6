/** A mistake the user can fix (a bad path, a bad flag): printed as one line, no stack. */
export class NotegraphError extends Error {
  override name = "NotegraphError";
}
