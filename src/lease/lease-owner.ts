/**
 * Who owns the leases of one run, as the fronts know it.
 */
import { processParent } from './process-identity.js';

/** npm's own process: its title (`npm exec …`) or its script (`…/npm-cli.js`, `…/npx-cli.js`). */
const NPM_PROCESS = /^(npm|npx)(\s|$)|[\\/]np[mx]-cli\.js(\s|$)/;

/**
 * The process the CLI's leases live as long as: its parent, the shell that ran it. Under
 * `npx` / `npm exec` that parent is npm's short-lived `sh -c`, so the shell is found above
 * the npm process instead (falling back to the parent when the tree cannot be read).
 */
export async function cliLeaseOwnerPid(env: NodeJS.ProcessEnv, ppid: number): Promise<number> {
  if (env.npm_command !== 'exec') return ppid;
  let pid = ppid;
  for (let depth = 0; depth < 4; depth++) {
    const parent = await processParent(pid);
    if (!parent) return ppid;
    if (NPM_PROCESS.test(parent.command)) return parent.ppid;
    pid = parent.ppid;
  }
  return ppid;
}
