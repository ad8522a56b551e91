/**
 * What a failed system call says about itself: Node's `code` (`ENOENT`, `EEXIST`, `EACCES`, …).
 * One reader for every caller, so an error without a code (a thrown string, a plain `Error`)
 * reads the same everywhere: as no code, never as a crash in the error path.
 */
import { getSystemErrorName } from 'node:util';

/**
 * The error's Node code (`ENOENT`, `EEXIST`, …), or undefined when it carries none; for Node's
 * generic ERR_SYSTEM_ERROR (e.g. from `os.networkInterfaces()`), the code of its errno.
 */
export function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; info?: { errno?: unknown } } | null | undefined;
  if (e?.code === 'ERR_SYSTEM_ERROR' && typeof e.info?.errno === 'number') {
    try {
      // Node 20 reports uv_interface_addresses' errno positive ("Unknown system error 24").
      return getSystemErrorName(-Math.abs(e.info.errno));
    } catch {
      return e.code;
    }
  }
  return typeof e?.code === 'string' ? e.code : undefined;
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
