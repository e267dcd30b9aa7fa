// Preloaded (--import) into a child process by bench/import-bench.ts: on exit, writes the
// process's peak resident memory in KB (worker threads included) to the file named by
// PIANO_RSS_REPORT.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.PIANO_RSS_REPORT;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
