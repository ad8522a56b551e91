import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { serve } from './serve.js';

const port = inject('ports').orders;
let stop;

beforeAll(async () => {
  stop = await serve(port, 'orders');
});
afterAll(() => stop?.());

test('the orders server answers on its port', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/`);
  expect(await res.text()).toBe('orders');
});
