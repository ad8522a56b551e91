/** What one GET said: the status, or why there was none. */
export type HttpAnswer = {
    status: number;
} | {
    error: string;
};
/** Whether an answer counts as ready. */
export declare const httpReady: (answer: HttpAnswer) => boolean;
/** GETs `http://<address>:<port><path>` once; never throws. */
export declare function httpGet(address: string, port: number, path: string, timeoutMs?: number): Promise<HttpAnswer>;
