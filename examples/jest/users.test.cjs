const { createServer } = require('node:http');
const { workerPort } = require('./port.cjs');

let server;
const port = workerPort();

beforeAll(async () => {
  server = createServer((req, res) => res.end('users'));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test("the users server answers on this worker's port", async () => {
  const res = await fetch(`http://127.0.0.1:${port}/`);
  expect(await res.text()).toBe('users');
});
