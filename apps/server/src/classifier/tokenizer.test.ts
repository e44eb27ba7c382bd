import { describe, expect, it } from 'vitest';
import { contentText, normaliseText } from './normalise.js';
import { tokenize } from './tokenizer.js';
import { communityWords } from './user-dict.js';

describe('normaliseText', () => {
  it('turns full-width forms half-width, lowers case, collapses digits and whitespace', () => {
    expect(normaliseText('ＡＢＣ　１２３号楼\t\n  Hello')).toBe('abc 0号楼 hello');
    expect(normaliseText('2020年5月3日')).toBe('0年0月0日');
    expect(normaliseText('  ')).toBe('');
  });

  it('keeps only content characters for character n-grams', () => {
    expect(contentText('电梯！！！坏了，，请修')).toBe('电梯 坏了 请修');
  });
});

describe('tokenize', () => {
  it('keeps the community words whole', () => {
    const words = tokenize('网格员说楼道里有人飞线充电，电动车充电桩不够，加装电梯没人管，高空抛物，化粪池满了，二次供水有问题');
    for (const w of ['网格员', '楼道', '飞线充电', '电动车', '充电桩', '加装电梯', '高空抛物', '化粪池', '二次供水']) expect(words).toContain(w);
  });

  it('keeps every user-dictionary word whole on its own', () => {
    const split = communityWords.filter((w) => tokenize(`请处理${w}问题`).indexOf(w) < 0);
    expect(split).toEqual([]);
  });

  it('removes punctuation, whitespace and stop-words, and normalises', () => {
    const words = tokenize('我们的 小区，，路灯坏了！！！（ＰＬＥＡＳＥ）');
    expect(words).not.toContain('的');
    expect(words).not.toContain('我们');
    expect(words.some((w) => /[，！（）\s]/.test(w))).toBe(false);
    expect(words).toContain('please');
    expect(words).toContain('路灯');
  });

  it('is deterministic and handles empty and very long text', () => {
    const text = '小区垃圾分类做得不好，垃圾桶满了没人清运。'.repeat(500);
    expect(tokenize(text)).toEqual(tokenize(text));
    expect(tokenize('')).toEqual([]);
    expect(tokenize('，。！？ ')).toEqual([]);
    const started = performance.now();
    expect(tokenize(text).length).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
