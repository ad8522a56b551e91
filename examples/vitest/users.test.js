import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { serve } from './serve.js';

const port = inject('ports').users;
let stop;

beforeAll(async () => {
  stop = await serve(port, 'users');
});
afterAll(() => stop?.());

test('the users server answers on its port', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/`);
  expect(await res.text()).toBe('users');
});
