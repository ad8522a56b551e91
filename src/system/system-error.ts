/**
 * "port-guard itself could not work" (exit code 3): the process ran out of file descriptors,
 * the disk is full, a system file cannot be read. Not the user's input and not a busy port, so
 * the fronts report it as one line naming the cause, apart from conflicts (1) and input
 * errors (2).
 */
import { errorCode } from './error-code.js';

/** Codes that say the machine, not the request, is the problem, and what each means. */
const EXHAUSTED: Record<string, string> = {
  EMFILE: 'out of file descriptors',
  ENFILE: 'the system is out of file descriptors',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOMEM: 'out of memory',
  ENOBUFS: 'out of buffer space',
};

/** Whether `error` is the machine running out of something (see {@link EXHAUSTED}). */
export function isResourceExhausted(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && code in EXHAUSTED;
}

export class SystemError extends Error {
  override readonly name = 'SystemError';
  /** The fronts' exit code for it (report/failure.ts reads it). */
  readonly exitCode = 3;
  /** The system error code behind it (`EMFILE`, `ENOSPC`, `EACCES` …). */
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A SystemError for `error` met while `doing` something ("creating lease file /tmp/…"), e.g.
 * "could not work: out of file descriptors (EMFILE) while creating lease file …" (the fronts
 * put "port-guard: " before it).
 */
export function systemError(error: unknown, doing: string): SystemError {
  if (error instanceof SystemError) return error;
  const code = errorCode(error) ?? 'EUNKNOWN';
  const what = EXHAUSTED[code] ?? (error instanceof Error ? error.message : String(error));
  return new SystemError(`could not work: ${what} (${code}) while ${doing}`, code, {
    cause: error,
  });
}

/**
 * `error` as it should be thrown on: a resource-exhaustion error becomes a {@link SystemError}
 * naming what was being done, anything else stays as it is.
 */
export function asSystemError(error: unknown, doing: string): unknown {
  return isResourceExhausted(error) ? systemError(error, doing) : error;
}
