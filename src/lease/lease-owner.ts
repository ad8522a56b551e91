/**
 * Who owns the leases of one run, as the fronts know it.
 */
import type { LeaseOwner } from '../types.js';

/**
 * The owner for a GitHub job: the run's identity from the runner's environment, and `pid`,
 * the process the leases live as long as (the action's parent: the runner's worker, which
 * lives exactly as long as the job). `id` names this one step run, for its post step.
 */
export function githubLeaseOwner(env: NodeJS.ProcessEnv, pid: number, id: string): LeaseOwner {
  const owner: LeaseOwner = { id, pid };
  const fields: Array<[keyof LeaseOwner, string]> = [
    ['repository', 'GITHUB_REPOSITORY'],
    ['runId', 'GITHUB_RUN_ID'],
    ['runAttempt', 'GITHUB_RUN_ATTEMPT'],
    ['job', 'GITHUB_JOB'],
    ['runner', 'RUNNER_NAME'],
  ];
  for (const [field, variable] of fields) {
    const value = env[variable];
    if (value) (owner as unknown as Record<string, string>)[field] = value;
  }
  return owner;
}
