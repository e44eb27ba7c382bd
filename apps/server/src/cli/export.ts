import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { transferKinds, type TransferKind } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { AppError } from '../lib/app-error.js';
import { writeExport } from '../modules/transfer/export.service.js';
import { parseCommandArgs } from './args.js';
import { communityArg } from './import.js';

/**
 * `export --kind K --community ID --out FILE [--place ID] [--reveal --purpose TEXT]`: stream a register to an
 * .xlsx, masked unless revealed for a stated purpose (written to the audit log like any other reveal).
 */
export async function exportCommand(deps: AppDeps, argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    kind: { type: 'string' },
    community: { type: 'string' },
    out: { type: 'string' },
    place: { type: 'string' },
    reveal: { type: 'boolean' },
    purpose: { type: 'string' },
  });
  const kind = values.kind as TransferKind | undefined;
  if (!kind || !transferKinds.includes(kind) || !values.community || !values.out) {
    console.error(`export needs --kind (${transferKinds.join(' | ')}), --community ID and --out FILE.`);
    return 1;
  }
  const communityId = await communityArg(deps, values.community);
  if (!communityId) return 1;
  const started = Date.now();
  const out = createWriteStream(values.out);
  let printed = 0;
  try {
    const rows = await writeExport(
      deps,
      null,
      {
        kind,
        communityId,
        placeId: values.place,
        reveal: values.reveal ?? false,
        purpose: values.purpose,
        onRows: (n) => {
          if (n - printed < 10_000) return;
          printed = n;
          console.log(`  ${n} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        },
      },
      out,
    );
    await finished(out);
    console.log(`Exported ${rows} rows to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s${values.reveal ? ' (unmasked; recorded in the audit log)' : ' (ID numbers and phones masked)'}.`);
    return 0;
  } catch (e) {
    out.destroy();
    if (e instanceof AppError) {
      console.error(`Refused: ${e.code}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`);
      return 1;
    }
    throw e;
  }
}
