/**
 * What a failed system call says about itself: Node's `code` (`ENOENT`, `EEXIST`, `EACCES`, …).
 * One reader for every caller, so an error without a code (a thrown string, a plain `Error`)
 * reads the same everywhere: as no code, never as a crash in the error path.
 */

/** The error's Node code (`ENOENT`, `EEXIST`, …), or undefined when it carries none. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether the error carries one of `codes`. */
export function hasErrorCode(error: unknown, ...codes: readonly string[]): boolean {
  const code = errorCode(error);
  return code !== undefined && codes.includes(code);
}

/** The code, or the whole error as text when it has none: the cause a message names. */
export function errorCause(error: unknown): string {
  return errorCode(error) ?? String(error);
}
