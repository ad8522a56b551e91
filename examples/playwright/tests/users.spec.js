import { expect, test } from '@playwright/test';
import { report } from './report.js';

test('GET /users reaches the webServer on the chosen port', async ({ request, baseURL }) => {
  const res = await request.get('/users');
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body).toEqual({ path: '/users', port: Number(process.env.WEB_PORT) });
  expect(baseURL).toBe(`http://127.0.0.1:${process.env.WEB_PORT}`);
  report(body.port);
});
