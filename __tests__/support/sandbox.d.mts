export type LeaseSnapshot = Record<string, number>;
export function createSandbox(base: string): string;
export function leftovers(dir: string): string[];
export function leaseSnapshot(leaseDir: string): LeaseSnapshot;
export function leasesAppeared(before: LeaseSnapshot, after: LeaseSnapshot): string[];
export function sandboxProblems(sandbox: string, before: LeaseSnapshot, leaseDir: string): string[];
