import { readFile } from 'node:fs/promises';
import { verifyChain, type ChainProblem, type ChainRecord, type ChainReport } from '@gongzhi/shared';
import { sha256 } from '../modules/ledger/ledger.chain.js';
import { EXPORT_FORMAT, readChainWorkbook } from '../modules/ledger/ledger.files.js';
import { parseCommandArgs } from './args.js';

/**
 * `ledger verify FILE [--head HASH] [--lang zh|en|both]`: check an exported chain (JSON or .xlsx) offline, with no
 * database and no network. Exit 0 when every entry and link checks out, 1 otherwise (2: the file cannot be read).
 */
export const ledgerUsage = 'ledger verify FILE [--head HASH] [--lang zh|en|both]';

type Lang = 'zh' | 'en' | 'both';

const fieldNames: Record<string, string> = { amount: '金额', lines: '分录' };

function describe(p: ChainProblem): { zh: string; en: string } {
  switch (p.kind) {
    case 'edited': {
      const zf = p.fields.length ? `（${p.fields.map((f) => fieldNames[f] ?? f).join('、')}与原记录不符）` : '';
      const ef = p.fields.length ? ` (${p.fields.join(', ')} no longer matches)` : '';
      return { zh: `第 ${p.seq} 笔（编号 ${p.id}）内容被改动${zf}`, en: `entry seq ${p.seq} (id ${p.id}) was edited${ef}` };
    }
    case 'broken_link':
      return { zh: `第 ${p.seq} 笔（编号 ${p.id}）与前一笔的链接断开：它或前一笔被改写`, en: `entry seq ${p.seq} (id ${p.id}) does not link to the one before: it or its predecessor was rewritten` };
    case 'removed':
      return {
        zh: `缺少第 ${p.fromSeq}${p.toSeq > p.fromSeq ? `–${p.toSeq}` : ''} 笔：账目被删除`,
        en: `entries seq ${p.fromSeq}${p.toSeq > p.fromSeq ? `–${p.toSeq}` : ''} are missing: removed`,
      };
    case 'reordered':
      return { zh: `第 ${p.seq} 笔（编号 ${p.id}）位置被调换：在文件第 ${p.position} 行，应在第 ${p.expectedPosition} 行`, en: `entry seq ${p.seq} (id ${p.id}) was reordered: at position ${p.position}, belongs at ${p.expectedPosition}` };
    case 'duplicate':
      return { zh: `第 ${p.seq} 笔重复出现（编号 ${p.id}）`, en: `seq ${p.seq} appears twice (id ${p.id})` };
    case 'head_mismatch':
      return { zh: `链头不符：公布的是 ${p.expected}，文件算出 ${p.actual}`, en: `head mismatch: published ${p.expected}, the file gives ${p.actual}` };
  }
}

/** The report as printed lines, in the chosen language(s). */
export function formatReport(file: string, r: ChainReport, lang: Lang): string[] {
  const say = (zh: string, en: string) => (lang === 'zh' ? [zh] : lang === 'en' ? [en] : [`${zh} / ${en}`]);
  const out = [
    ...say(`账本校验：${file}`, `ledger verification: ${file}`),
    ...say(`共 ${r.entries} 笔，链头第 ${r.head.seq} 笔 ${r.head.hash}`, `${r.entries} entries, head seq ${r.head.seq} ${r.head.hash}`),
  ];
  for (const p of r.problems) {
    const d = describe(p);
    if (lang !== 'en') out.push(`✗ ${d.zh}`);
    if (lang !== 'zh') out.push(`${lang === 'both' ? '  ' : '✗ '}${d.en}`);
  }
  out.push(...(r.ok ? say('✓ 完整：每笔内容与链接均一致', '✓ intact: every entry and link checks out') : say(`✗ 发现 ${r.problems.length} 处问题`, `✗ ${r.problems.length} problem(s) found`)));
  return out;
}

/** Read an export (JSON by its first character, otherwise .xlsx) into records and the head it states. */
export async function readExport(file: string): Promise<{ entries: ChainRecord[]; head: string | null }> {
  const data = await readFile(file);
  if (data.subarray(0, 2).toString('latin1') === 'PK') return readChainWorkbook(data);
  const x = JSON.parse(data.toString('utf8')) as { format?: string; entries?: ChainRecord[]; head?: { entryHash?: string } };
  if (x.format !== EXPORT_FORMAT || !Array.isArray(x.entries)) throw new Error(`not a ledger export (format ${EXPORT_FORMAT})`);
  return { entries: x.entries, head: x.head?.entryHash ?? null };
}

export async function ledgerCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandArgs<{ head: { type: 'string' }; lang: { type: 'string' } }>>;
  try {
    parsed = parseCommandArgs(argv, { head: { type: 'string' }, lang: { type: 'string' } });
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: npm run gongzhi -- ${ledgerUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [sub, file] = positionals;
  const lang = (values.lang ?? 'both') as Lang;
  if (sub !== 'verify' || !file || !['zh', 'en', 'both'].includes(lang)) {
    console.error(`Usage: npm run gongzhi -- ${ledgerUsage}`);
    return 2;
  }
  let read: Awaited<ReturnType<typeof readExport>>;
  try {
    read = await readExport(file);
  } catch (e) {
    console.error(`无法读取 / cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  // Without --head the file's own stated head is checked, so entries cut off the end show too.
  const report = verifyChain(read.entries, sha256, { head: values.head ?? read.head ?? undefined });
  for (const line of formatReport(file, report, lang)) console.log(line);
  return report.ok ? 0 : 1;
}
