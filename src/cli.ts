// The command line's bundle (dist/cli/index.js, the package's `bin`).
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2));
