import type { TFunction } from 'i18next';
import { residentTagInfo, residentTags, type Label, type ResidentTag } from '@gongzhi/shared';

/** "标签：残疾", "未满 14 周岁的未成年人信息", "在公开栏或门户公开" for a consent's stored purpose. */
export function consentPurposeText(t: TFunction, label: (l: Label) => string, purpose: string): string {
  if (purpose === 'minor') return t('registers.consents.purposes.minor');
  if (purpose === 'publication') return t('registers.consents.purposes.publication');
  const tag = purpose.startsWith('tag:') ? purpose.slice(4) : '';
  if ((residentTags as readonly string[]).includes(tag)) return t('registers.consents.purposes.tag', { tag: label(residentTagInfo[tag as ResidentTag]) });
  return purpose;
}
