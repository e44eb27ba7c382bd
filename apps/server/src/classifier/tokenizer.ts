import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { normaliseText } from './normalise.js';
import { stopWords } from './stop-words.js';
import { communityWords } from './user-dict.js';

/**
 * Chinese word segmentation for classification, full-text search and similar-request detection. One jieba
 * instance per process, built on first use (loading the bundled dictionary takes ~0.2 s), with the community
 * user dictionary on top. jieba is deterministic: the same text always gives the same words.
 */

/** Frequency given to the local words: above any competing split in the bundled dictionary. */
const USER_WORD_FREQ = 50_000;

let segmenter: Jieba | null = null;

function jieba(): Jieba {
  if (!segmenter) {
    // Required here, not imported: the module reads its 5 MB dictionary as it loads, and most processes that
    // import the classifier (a character-n-gram model) never segment a word.
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    const j = Jieba.withDict(dict);
    j.loadDict(Buffer.from(communityWords.map((w) => `${w} ${USER_WORD_FREQ} n`).join('\n') + '\n', 'utf8'));
    segmenter = j;
  }
  return segmenter;
}

/** Content is a letter or a digit of any script (CJK ideographs are letters); a token without any is punctuation. */
const CONTENT = /[\p{L}\p{N}]/u;

/**
 * jieba words of the normalised text, without stop-words, punctuation or whitespace. Dictionary words only (no
 * HMM guessing of new words): search and similarity match query words against stored words, and the HMM glues
 * words to their neighbours differently in different sentences (灯坏, 灯不亮), so 楼道灯 would miss them.
 */
export function tokenize(text: string): string[] {
  const norm = normaliseText(text);
  if (!norm) return [];
  const out: string[] = [];
  for (const w of jieba().cut(norm, false)) {
    if (w.length === 0 || stopWords.has(w) || !CONTENT.test(w)) continue;
    out.push(w);
  }
  return out;
}
