import { addDays, birthDateForAge, dateBetween, laterOf, yearsBefore } from './dates.js';
import { drawRegion } from './identity.js';
import { drawName, type Gender } from './names.js';
import type { OrgContext, OrganisationPlan } from './organisations-plan.js';
import type { PersonRef } from './people-pool.js';

export interface PartyMemberPlan {
  orgKey: string;
  /** The resident record, when the member lives here. */
  person: PersonRef | null;
  name: string;
  gender: Gender;
  idNumber: string;
  phone: string | null;
  joinedOn: string;
  category: 'full' | 'probationary';
  /** `employed`: works elsewhere and reports to the community (在职党员双报到). */
  reporting: 'local' | 'employed';
  employer: string | null;
  reportedOn: string | null;
}

const employers = ['岳麓区教育局', '岳麓区人民医院', '长沙市政设计研究院', '湘江新区管理委员会', '长沙轨道交通运营公司', '湖南省建工集团', '岳麓区税务局', '长沙市第二十一中学'];

/**
 * The party roster: every resident tagged 党员 (those over 70 in the retirees' branch, the rest in their grid's
 * branch; about a third of working age are employed members who report here), plus employees of the stationed
 * units whose party organisations report to the community.
 */
export function planPartyRoster(ctx: OrgContext, orgs: OrganisationPlan[]): PartyMemberPlan[] {
  const { rng, today, pool } = ctx;
  const out: PartyMemberPlan[] = [];
  const lastYear = yearsBefore(today, 1);
  // Most join between 20 and 40; a probationary member joined within the last year (and anyone who only could).
  const joined = (birthDate: string, recent: boolean) => {
    const from = yearsBefore(birthDate, -18);
    if (recent || from >= lastYear) return dateBetween(rng, laterOf(from, lastYear), addDays(today, -20));
    const forty = yearsBefore(birthDate, -40);
    const to = forty < lastYear ? forty : lastYear;
    const twenty = yearsBefore(birthDate, -20);
    return dateBetween(rng, twenty < to ? twenty : from, to);
  };
  for (const e of pool.all) {
    if (!e.partyMember) continue;
    const joinedOn = joined(e.person.birthDate, e.age <= 40 && rng.chance(0.06));
    const probationary = joinedOn > lastYear;
    const employed = e.age >= 22 && e.age < 60 && rng.chance(0.35);
    out.push({
      orgKey: e.age >= 70 ? 'retired' : `branch${Math.floor(e.dwelling.grid / 2)}`,
      person: e.ref,
      name: e.person.name,
      gender: e.person.gender,
      idNumber: e.person.idNumber,
      phone: e.person.phone,
      joinedOn,
      category: probationary ? 'probationary' : 'full',
      reporting: employed ? 'employed' : 'local',
      employer: employed ? rng.pick(employers) : null,
      reportedOn: employed ? dateBetween(rng, yearsBefore(today, 3), addDays(today, -10)) : null,
    });
  }
  const branches = orgs.filter((o) => o.partyLevel === 'branch' && o.key !== 'retired');
  for (const unit of orgs.filter((o) => o.kind === 'stationed_unit' && o.dualReportingOn)) {
    for (let k = rng.int(2, 5); k > 0; k--) {
      const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
      const birthDate = birthDateForAge(rng, today, rng.int(25, 56));
      out.push({
        orgKey: rng.pick(branches).key,
        person: null,
        name: drawName(rng, gender, Number(birthDate.slice(0, 4))),
        gender,
        idNumber: ctx.registry.idNumber(rng, drawRegion(rng, rng.chance(0.6) ? 'city' : 'province'), birthDate, gender),
        phone: ctx.registry.phone(rng),
        joinedOn: joined(birthDate, false),
        category: 'full',
        reporting: 'employed',
        employer: unit.name,
        reportedOn: dateBetween(rng, unit.dualReportingOn!, addDays(today, -10)),
      });
    }
  }
  return out;
}
