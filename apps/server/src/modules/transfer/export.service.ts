import type { Writable } from 'node:stream';
import type { TransferKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/app-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { communityFor } from './imports.service.js';
import { kinds } from './kinds/index.js';
import { mayRevealIn } from './transfer.policy.js';
import { writeRegister, writeTemplate } from './xlsx/write-register.js';

/** A file ready to be written: its names (Chinese, and an ASCII fallback for old clients) and the writer. */
export interface PreparedFile {
  fileName: string;
  asciiName: string;
  write(out: Writable): Promise<unknown>;
}

export interface ExportInput {
  kind: TransferKind;
  communityId: string;
  /** A place below the community: only what lies under it. */
  placeId?: string;
  /** Unmasked ID numbers and phones, for roles that may reveal both, with a purpose; audited. */
  reveal?: boolean;
  purpose?: string;
  /** Called after each page with the rows written so far (the command line prints it). */
  onRows?: (rows: number) => void;
}

const stamp = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');

/**
 * Check an export request (scope, place, reveal and purpose) and record it in the audit log, before a byte is
 * written: a refusal is an ordinary JSON error, never a broken download.
 */
export async function prepareExport(deps: AppDeps, ctx: RequestContext | null, input: ExportInput): Promise<PreparedFile> {
  const community = await communityFor(deps, ctx, input.communityId);
  let place = community;
  if (input.placeId && input.placeId !== community.id) {
    const p = await findPlace(deps.db, input.placeId);
    if (!p || !p.path.startsWith(community.path)) throw notFound();
    place = p;
  }
  const reveal = input.reveal === true;
  const purpose = input.purpose?.trim() ?? null;
  if (reveal && (!purpose || purpose.length < 4)) throw new AppError('reveal_purpose_required', 400, { field: 'purpose' });
  if (reveal && !mayRevealIn(ctx?.actor ?? null, community.path)) throw forbidden();
  const def = kinds[input.kind];
  await recordAudit(deps.db, ctx, deps.clock, {
    action: reveal ? 'export.reveal' : 'export.masked',
    targetType: 'export',
    targetId: null,
    communityId: community.id,
    scopePath: place.path,
    after: { kind: input.kind, placeId: place.id, fields: reveal ? ['idNumber', 'phone'] : [], purpose },
  });
  const day = stamp(deps.clock.now());
  return {
    fileName: `${def.sheet.zh}-${community.name}${place.id === community.id ? '' : `-${place.name}`}-${day}.xlsx`,
    asciiName: `${input.kind}-${day}.xlsx`,
    write: (out) => writeRegister(def, def.exportPages({ deps, community, place, reveal }), out, input.onRows),
  };
}

/** Export a register into `out` (streamed; ends `out`). Resolves with the number of rows written. */
export async function writeExport(deps: AppDeps, ctx: RequestContext | null, input: ExportInput, out: Writable): Promise<number> {
  const prepared = await prepareExport(deps, ctx, input);
  return (await prepared.write(out)) as number;
}

/** The empty template of a kind. */
export function templateFile(kind: TransferKind): PreparedFile {
  const def = kinds[kind];
  return { fileName: `${def.sheet.zh}-导入模板.xlsx`, asciiName: `${kind}-template.xlsx`, write: (out) => writeTemplate(def, out) };
}

/** Content-Disposition for a download, with the UTF-8 name for every current browser (RFC 6266 / 5987). */
export function attachment(file: Pick<PreparedFile, 'fileName' | 'asciiName'>): string {
  const encoded = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encoded}`;
}
