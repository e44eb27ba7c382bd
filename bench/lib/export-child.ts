// A child process that exports residents registers and reports what it cost, so the peak memory measured is the
// export's own and not the benchmark's (which holds a seeded app, a load generator and a quarter of a million
// generated people). Run by lib/export-run.ts:
//   node --import tsx bench/lib/export-child.ts subdistrict|community <file> [communityId]
// with GONGZHI_DATABASE_URL and GONGZHI_DATA_DIR set; prints one JSON line.
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createDeps } from '../../apps/server/src/bootstrap.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { writeExport } from '../../apps/server/src/modules/transfer/export.service.js';
import { kinds } from '../../apps/server/src/modules/transfer/kinds/index.js';
import { writeRegister } from '../../apps/server/src/modules/transfer/xlsx/write-register.js';

const [mode, file, communityId] = process.argv.slice(2);
const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * This process's resident-set high-water mark (Linux VmHWM). Not `resourceUsage().maxRSS`: Linux carries that
 * over from the parent across fork and exec, so a child would report the benchmark's own peak.
 */
function highWaterMark(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const deps = await createDeps(loadConfig());
  try {
    const communities = await deps.db.selectFrom('places').selectAll().where('kind', '=', 'community').orderBy('id').execute();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const out = createWriteStream(file!);
    let rows: number;
    if (mode === 'community') {
      // The service entry point a download goes through (scope, audit, then the streamed workbook).
      rows = await writeExport(deps, null, { kind: 'residents', communityId: communityId! }, out);
    } else {
      // Every community's residents, page by page, into one workbook: the same reader and writer, 250,000 rows.
      const def = kinds.residents;
      const pages = async function* () {
        for (const c of communities) yield* def.exportPages({ deps, community: c, place: c, reveal: false });
      };
      rows = await writeRegister(def, pages(), out);
    }
    await finished(out);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const result = {
      rows,
      seconds: Math.round(seconds * 100) / 100,
      bytes: statSync(file!).size,
      rss_before_mb: mb(rssBefore),
      // The kernel's high-water mark (start-up included), or where there is none the highest sample.
      peak_rss_mb: mb(Math.max(peak, highWaterMark() ?? 0)),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await deps.handle.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
