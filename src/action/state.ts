/**
 * Every state key the main step saves for the post step, in one place (as actions/checkout's
 * state-helper has them), with typed readers so neither step spells a key by hand.
 */
import type { RunnerIO } from './runner-io.js';
import { parseHandedOutPorts, type HandedOutPort } from '../lease/job-end.js';
import { parseServerRecord, type ServerRecord } from '../ready/server-process.js';

export const StateKey = {
  /** Saved first by the main step: one bundle serves both steps. */
  IsPost: 'isPost',
  LeaseDir: 'leaseDir',
  LeaseOwner: 'leaseOwner',
  HandedOut: 'handedOut',
  /** The `run` server: pid, start token and log file (a ServerRecord as JSON). */
  Server: 'server',
} as const;

export type StateKey = (typeof StateKey)[keyof typeof StateKey];

/** What the post step knows of its main step. */
export interface MainStepState {
  isPost: boolean;
  /** Where this run's leases are and whose they are; absent when it took none. */
  leases?: { dir: string; ownerId: string };
  handedOut: HandedOutPort[];
  /** The `run` server the main step started, to stop and whose log to print. */
  server?: ServerRecord;
}

export function readMainStepState(io: RunnerIO): MainStepState {
  const dir = io.getState(StateKey.LeaseDir);
  const ownerId = io.getState(StateKey.LeaseOwner);
  const server = parseServerRecord(io.getState(StateKey.Server));
  return {
    isPost: io.getState(StateKey.IsPost) === 'true',
    ...(dir && ownerId ? { leases: { dir, ownerId } } : {}),
    handedOut: parseHandedOutPorts(io.getState(StateKey.HandedOut)),
    ...(server ? { server } : {}),
  };
}
