// The `wait/` action's bundle (wait/dist/index.js).
import { run } from './action/wait.js';

await run();
