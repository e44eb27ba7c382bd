import { isSensitiveTag, MINOR_AGE, relationLabels, type ResidentTag } from '@gongzhi/shared';
import { ageOn } from './dates.js';
import type { Random } from './prng.js';
import type { ConsentPlan, HouseholdPlan, PersonPlan } from './residents-plan.js';

/** The adult who speaks for a child: a parent in the household, else the householder. */
function guardianOf(household: HouseholdPlan, child: PersonPlan): PersonPlan {
  const m = household.members;
  const adults = m.filter((p) => p !== child && p.status === 'living');
  const parents =
    child.relation === 'grandchild'
      ? adults.filter((p) => p.relation === 'child' || p.relation === 'child_in_law')
      : child.relation === 'child'
        ? adults.filter((p) => p.relation === 'householder' || p.relation === 'spouse')
        : [];
  return parents.find((p) => p.gender === 'female') ?? parents[0] ?? adults[0] ?? m[0]!;
}

const consentFor = (tag: ResidentTag, guardian: PersonPlan | null): ConsentPlan => {
  const who = guardian ? `监护人${guardian.name}（${relationLabels[guardian.relation].zh}）` : '本人';
  switch (tag) {
    case 'disabled':
      return { basis: guardian ? 'guardian_consent' : 'consent', detail: `${who}同意登记残疾信息，用于助残服务（已核验残疾人证）` };
    case 'chronic_illness':
      return { basis: guardian ? 'guardian_consent' : 'consent', detail: `${who}同意登记慢性病信息，用于家庭医生签约随访` };
    case 'religion':
      return { basis: guardian ? 'guardian_consent' : 'consent', detail: `${who}自愿告知并同意登记宗教信仰` };
    case 'low_income':
      return { basis: 'legal_duty', detail: '依据《社会救助暂行办法》登记的最低生活保障对象（民政部门审批名册）' };
    default:
      throw new Error(`${tag} is not a sensitive tag`);
  }
};

/**
 * Tags as registers keep them: 高龄 from 80, 独居 for older people alone, party members and veterans at realistic
 * rates; sensitive tags (disability, 低保, chronic illness, religion) each with the consent or legal basis that
 * allows holding them; every child under 14 with a guardian's consent.
 */
export function planTags(rng: Random, household: HouseholdPlan, today: string): void {
  const living = household.members.filter((p) => p.status === 'living');
  const lowIncome = rng.chance(household.kind === 'elder_alone' || household.kind === 'single_parent' ? 0.05 : 0.01);
  for (const p of household.members) {
    const age = ageOn(p.birthDate, today);
    const guardian = age < MINOR_AGE ? guardianOf(household, p) : null;
    if (guardian) p.minorConsent = { basis: 'guardian_consent', detail: `监护人${guardian.name}（${relationLabels[guardian.relation].zh}）同意登记未成年人信息` };
    if (p.status !== 'living') continue;
    const tags: ResidentTag[] = [];
    if (age >= 80) tags.push('elderly');
    if (living.length === 1 && age >= 60) tags.push('living_alone');
    if (age >= 18 && rng.chance(age < 30 ? 0.03 : age < 60 ? 0.055 : 0.1)) tags.push('party_member');
    if (age >= 24 && rng.chance(p.gender === 'male' ? 0.035 : 0.003)) {
      tags.push('veteran');
      if (rng.chance(0.25)) tags.push('special_care');
    }
    if (p.residencyStatus === 'floating' && (p.relation === 'parent' || p.relation === 'parent_in_law') && age >= 60) tags.push('migrant_elderly');
    if (rng.chance(age < 60 ? 0.012 : age < 80 ? 0.04 : 0.08)) tags.push('disabled');
    if (rng.chance(age < 40 ? 0.005 : age < 60 ? 0.04 : 0.16)) tags.push('chronic_illness');
    if (lowIncome) tags.push('low_income');
    if (age >= 18 && rng.chance(0.004)) tags.push('religion');
    p.tags = tags.map((tag) => ({ tag, consent: isSensitiveTag(tag) ? consentFor(tag, guardian) : null }));
    if (tags.includes('living_alone') && age >= 80 && rng.chance(0.3)) p.note = '子女不在身边，需定期探访';
    else if (tags.includes('disabled') && age >= 60 && rng.chance(0.4)) p.note = '行动不便，需上门服务';
  }
}
