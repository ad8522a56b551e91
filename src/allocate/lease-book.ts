/**
 * The leases one allocation run holds, so that a failure (or a signal) can return every one of
 * them. Without a gate (`lease: false`) it takes nothing and every take succeeds.
 */
import type { LeaseGate } from '../lease/lease-registry.js';
import type { LeaseRecord } from '../lease/lease-file.js';
import type { Protocol } from '../spec/port-spec.js';

const key = (port: number, protocol: Protocol): string => `${protocol}/${port}`;

/** A take that failed: the protocol whose lease another job holds, and that lease if readable. */
export type TakeRefused = { ok: false; protocol: Protocol; lease?: LeaseRecord };

export class LeaseBook {
  private readonly held = new Set<string>();
  constructor(private readonly gate: LeaseGate | undefined) {}

  /** Whether leases are taken at all (`lease: false` skips the bookkeeping). */
  get active(): boolean {
    return this.gate !== undefined;
  }

  /** Takes leases on every protocol of a port, or none of them. */
  async take(port: number, protocols: Protocol[]): Promise<{ ok: true } | TakeRefused> {
    if (!this.gate) return { ok: true };
    const taken: Protocol[] = [];
    for (const protocol of protocols) {
      const attempt = await this.gate.acquire(port, protocol);
      if (!attempt.acquired) {
        await this.drop(port, taken);
        return attempt.heldBy
          ? { ok: false, protocol, lease: attempt.heldBy }
          : { ok: false, protocol };
      }
      taken.push(protocol);
      this.held.add(key(port, protocol));
    }
    return { ok: true };
  }

  async drop(port: number, protocols: Protocol[]): Promise<void> {
    if (!this.gate) return;
    for (const protocol of protocols) {
      if (this.held.delete(key(port, protocol))) await this.gate.release(port, protocol);
    }
  }

  async dropAll(): Promise<void> {
    for (const k of [...this.held]) {
      const [protocol, port] = k.split('/') as [Protocol, string];
      await this.drop(Number(port), [protocol]);
    }
  }
}
