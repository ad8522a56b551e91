/**
 * The end of a job (the action's post step): which ports the job was handed and still holds,
 * and the release of the job's leases. Never throws for a lease problem: the post step must
 * not fail the job.
 */
import type { AllocationResult } from '../allocate/allocate.js';
import { protocolsOf } from '../spec/port-spec.js';
import { releaseLeases } from './lease-registry.js';
import { probePorts } from '../probe/probe-pool.js';
import { createProbePlan } from '../probe/probe-plan.js';
import { holdersPerQuery } from '../holders/lookup.js';
import type { Holder, HolderFinder } from '../holders/lookup.js';
import type { LeaseRecord } from './lease-file.js';
import type { Protocol } from '../spec/port-spec.js';

/** A port the main step handed out, as saved for the post step. */
export interface HandedOutPort {
  name: string;
  port: number;
  protocol: Protocol;
}

/** The ports a successful run handed out (not those kept busy under `on-conflict: warn`). */
export function handedOutPorts(result: AllocationResult): HandedOutPort[] {
  return result.assignments
    .filter((a) => a.status === 'free' || a.status === 'fallback' || a.status === 'auto')
    .flatMap((a) =>
      protocolsOf(a.protocol).map((protocol) => ({ name: a.name, port: a.port, protocol })),
    );
}

/** Reads back what {@link handedOutPorts} saved; anything malformed is skipped. */
export function parseHandedOutPorts(text: string): HandedOutPort[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.filter(
    (p): p is HandedOutPort =>
      typeof p === 'object' &&
      p !== null &&
      typeof p.name === 'string' &&
      Number.isInteger(p.port) &&
      p.port >= 1 &&
      p.port <= 65535 &&
      (p.protocol === 'tcp' || p.protocol === 'udp'),
  );
}

export interface JobEndOptions {
  /** Release the leases of this owner id in this directory; absent when `lease: false`. */
  leases?: { dir: string; ownerId: string };
  /** Ports to check for a server the job left running. */
  ports: HandedOutPort[];
  findHolders?: HolderFinder;
}

export interface JobEndReport {
  released: LeaseRecord[];
  /** Handed-out ports some process still binds, with who (when it can be found). */
  stillBound: Array<HandedOutPort & { holders: Holder[] }>;
  /** Things that went wrong and are worth a warning, never a failure. */
  problems: string[];
}

/** Checks the handed-out ports, then releases the job's leases. */
export async function endJob(options: JobEndOptions): Promise<JobEndReport> {
  const report: JobEndReport = { released: [], stillBound: [], problems: [] };
  if (options.ports.length > 0) {
    try {
      const protocols = [...new Set(options.ports.map((p) => p.protocol))];
      const plan = await createProbePlan('all', process.platform, protocols);
      const verdicts = await probePorts(options.ports, plan);
      report.stillBound = options.ports
        .filter((_, i) => verdicts[i].verdict === 'in-use')
        .map((p) => ({ ...p, holders: [] }));
      if (options.findHolders && report.stillBound.length > 0) {
        const perPort = await holdersPerQuery(options.findHolders, report.stillBound).catch(() =>
          report.stillBound.map(() => []),
        );
        report.stillBound.forEach((b, i) => (b.holders = perPort[i]!));
      }
    } catch (error) {
      report.problems.push(`could not check the handed-out ports: ${(error as Error).message}`);
    }
  }
  if (options.leases) {
    try {
      report.released = await releaseLeases(options.leases.dir, {
        ownerId: options.leases.ownerId,
      });
    } catch (error) {
      report.problems.push(
        `could not release the leases in ${options.leases.dir}: ${(error as Error).message}`,
      );
    }
  }
  return report;
}
