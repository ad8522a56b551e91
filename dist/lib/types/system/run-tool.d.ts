/** What a tool run produced. `code` is null when the tool did not run or was killed. */
export interface ToolResult {
    code: number | null;
    stdout: string;
    /** Why the tool gave no answer: `ENOENT`, `timeout`, … (absent when it exited by itself). */
    failure?: string;
}
/** Options for {@link runTool}. */
export interface ToolOptions {
    /** Kill the tool after this many milliseconds. */
    timeoutMs: number;
    /** How to decode stdout; Windows tools print in the console code page, not UTF-8. */
    encoding?: BufferEncoding;
    /** The tool's environment (default: this process's); `LC_ALL` and `TZ` are always pinned. */
    env?: NodeJS.ProcessEnv;
}
/** The signature of {@link runTool}, so callers can be given another runner. */
export type ToolRunner = (command: string, args: string[], options: ToolOptions) => Promise<ToolResult>;
/** Runs `command` with `args` (no shell) and resolves with its exit code and stdout. */
export declare const runTool: ToolRunner;
