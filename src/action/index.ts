// Entry point of the bundled Action (dist/index.js); everything else is in main.ts.
import { run } from './main.js';

await run();
