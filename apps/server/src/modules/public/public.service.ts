import type { PublicCommunity } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { countByKind, listCommunities } from '../places/places.repository.js';

/** Communities and their size, for the portal's front page. Nothing personal is ever in here. */
export async function publicCommunities(deps: AppDeps): Promise<PublicCommunity[]> {
  const rows = await listCommunities(deps.db);
  const out: PublicCommunity[] = [];
  for (const c of rows) {
    out.push({ id: c.id, name: c.name, subdistrictName: c.subdistrict_name, counts: await countByKind(deps.db, c.path) });
  }
  return out;
}
