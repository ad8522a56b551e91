/** The last lines of a server's log, for the message when it died before it was ready. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** At most `lines` lines from the end of `path`, reading no more than `maxBytes`; '' if unreadable. */
export function lastLines(path: string, lines = 20, maxBytes = 16 * 1024): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    let text = buffer.toString('utf8');
    // A cut-off first line is dropped, unless it is all there is.
    if (length < size && text.includes('\n')) text = text.slice(text.indexOf('\n') + 1);
    const all = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
