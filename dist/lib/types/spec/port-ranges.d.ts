/** An inclusive range of ports. */
export interface PortRange {
    lo: number;
    hi: number;
}
/**
 * Parses `LO-HI` ranges (and, where `singles` is allowed, lone ports) separated by commas,
 * whitespace or newlines. Every bad token is reported.
 */
export declare function parsePortRanges(text: string, input: string, singles: boolean): PortRange[];
/** Sorts and merges overlapping or adjacent ranges. */
export declare function normalizeRanges(ranges: readonly PortRange[]): PortRange[];
/** The ports of `ranges` that are not in `minus`. */
export declare function subtractRanges(ranges: readonly PortRange[], minus: readonly PortRange[]): PortRange[];
/** The ports in both. */
export declare function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[];
export declare function countPorts(ranges: readonly PortRange[]): number;
export declare function inRanges(port: number, ranges: readonly PortRange[]): boolean;
export declare function formatRanges(ranges: readonly PortRange[]): string;
