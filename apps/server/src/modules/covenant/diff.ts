import { diffArrays, diffChars } from 'diff';
import type { ArticleDiffRow } from '@gongzhi/shared';

/**
 * The article-level difference between two versions. Articles are aligned by their text (diffArrays on the
 * bodies), so renumbering alone shows as `same`; a removed article next to an added one is paired as `changed`
 * when enough of the text is kept (with character runs), and an article that left one place and reappears
 * word for word elsewhere is `moved`.
 */

export interface DiffArticle {
  articleId: string;
  number: number;
  chapterTitle: string | null;
  body: string;
}

/** Share of kept characters over the longer text: 1 identical, 0 nothing in common. */
const SIMILAR = 0.4;
/** How many added articles further on a removed one may be matched with (keeps the work small on a rewrite). */
const LOOKAHEAD = 3;

const similar = (a: DiffArticle, b: DiffArticle, kept: number) => kept / Math.max(a.body.length, b.body.length, 1) >= SIMILAR;

function charParts(from: string, to: string): { parts: ArticleDiffRow['parts']; kept: number } {
  let kept = 0;
  const parts = diffChars(from, to).map((c) => {
    if (!c.added && !c.removed) kept += c.value.length;
    return { op: c.added ? ('insert' as const) : c.removed ? ('delete' as const) : ('keep' as const), text: c.value };
  });
  return { parts, kept };
}

const side = (a: DiffArticle) => ({ articleId: a.articleId, number: a.number, chapterTitle: a.chapterTitle, body: a.body });

/** Pair a run of removed articles with the run of added ones beside it. */
function pairRuns(removed: DiffArticle[], added: DiffArticle[]): ArticleDiffRow[] {
  const rows: ArticleDiffRow[] = [];
  let r = 0;
  let a = 0;
  while (r < removed.length && a < added.length) {
    const from = removed[r]!;
    const to = added[a]!;
    const { parts, kept } = charParts(from.body, to.body);
    if (similar(from, to, kept)) {
      rows.push({ change: 'changed', from: side(from), to: side(to), parts });
      r++;
      a++;
    } else if (added.slice(a + 1, a + 1 + LOOKAHEAD).some((later) => similar(from, later, charParts(from.body, later.body).kept))) {
      // The removed article reappears reworded a little further on: what stands before it is new.
      rows.push({ change: 'added', from: null, to: side(to), parts: [] });
      a++;
    } else {
      rows.push({ change: 'removed', from: side(from), to: null, parts: [] });
      r++;
    }
  }
  for (; r < removed.length; r++) rows.push({ change: 'removed', from: side(removed[r]!), to: null, parts: [] });
  for (; a < added.length; a++) rows.push({ change: 'added', from: null, to: side(added[a]!), parts: [] });
  return rows;
}

export function diffArticles(from: DiffArticle[], to: DiffArticle[]): ArticleDiffRow[] {
  const chunks = diffArrays(
    from.map((a) => a.body),
    to.map((a) => a.body),
  );
  const rows: ArticleDiffRow[] = [];
  let i = 0;
  let j = 0;
  let removed: DiffArticle[] = [];
  let added: DiffArticle[] = [];
  const flush = () => {
    rows.push(...pairRuns(removed, added));
    removed = [];
    added = [];
  };
  for (const c of chunks) {
    const n = c.value.length;
    if (c.removed) {
      removed.push(...from.slice(i, i + n));
      i += n;
    } else if (c.added) {
      added.push(...to.slice(j, j + n));
      j += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) rows.push({ change: 'same', from: side(from[i + k]!), to: side(to[j + k]!), parts: [] });
      i += n;
      j += n;
    }
  }
  flush();
  return markMoves(rows);
}

/** An article removed in one place and added unchanged in another becomes one `moved` row where it now stands. */
function markMoves(rows: ArticleDiffRow[]): ArticleDiffRow[] {
  const out = [...rows];
  for (let k = 0; k < out.length; k++) {
    const row = out[k]!;
    if (row.change !== 'added' || !row.to) continue;
    const body = row.to.body;
    const m = out.findIndex((r) => r.change === 'removed' && r.from?.body === body);
    if (m < 0) continue;
    out[k] = { change: 'moved', from: out[m]!.from, to: row.to, parts: [] };
    out.splice(m, 1);
    if (m < k) k--;
  }
  return out;
}
