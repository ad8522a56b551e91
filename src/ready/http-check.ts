/**
 * The HTTP half of readiness (`--http PATH`, `ready-http`): a GET on this machine's loopback
 * address must answer 2xx or 3xx. No proxy, no keep-alive, no redirect followed: a 3xx is an
 * answer from the server, which is what readiness asks.
 */
import { request } from 'node:http';

/** What one GET said: the status, or why there was none. */
export type HttpAnswer = { status: number } | { error: string };

/** Whether an answer counts as ready. */
export const httpReady = (answer: HttpAnswer): boolean =>
  'status' in answer && answer.status >= 200 && answer.status < 400;

/** GETs `http://<address>:<port><path>` once; never throws. */
export function httpGet(
  address: string,
  port: number,
  path: string,
  timeoutMs = 2000,
): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const req = request({
      host: address,
      family: address.includes(':') ? 6 : 4,
      port,
      path,
      method: 'GET',
      agent: false,
      headers: { connection: 'close', 'user-agent': 'port-guard' },
    });
    const timer = setTimeout(() => {
      done({ error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    timer.unref();
    req.on('socket', (socket) => socket.unref());
    req.once('response', (res) => {
      done({ status: res.statusCode ?? 0 });
      res.resume();
      res.destroy();
    });
    req.once('error', (err: NodeJS.ErrnoException) => done({ error: err.code ?? err.message }));
    req.end();
  });
}
