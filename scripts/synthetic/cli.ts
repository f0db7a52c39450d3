import { runSynthetic } from './run-synthetic';

process.stdout.write(`${await runSynthetic(process.argv.slice(2))}\n`);
