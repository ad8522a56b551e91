import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** Starts a server on `port` that answers `body`; resolves a function that stops it. */
export async function serve(port, body) {
  if (process.env.PORT_REPORT) appendFileSync(process.env.PORT_REPORT, `${port}\n`);
  const server = createServer((req, res) => res.end(body));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return () => new Promise((resolve) => server.close(resolve));
}
