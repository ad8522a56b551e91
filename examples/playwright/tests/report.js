import { appendFileSync } from 'node:fs';

/** For port-guard's own test: records the port this worker saw. */
export function report(port) {
  if (process.env.PORT_REPORT) appendFileSync(process.env.PORT_REPORT, `${port}\n`);
}
