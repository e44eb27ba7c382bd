import { isSensitiveTag, MINOR_AGE, parseIdNumber, type ConsentBasis, type ErrorCode, type ResidentTag } from '@gongzhi/shared';
import { AppError } from '../../lib/app-error.js';
import { ageOn, localDate } from '../../lib/clock.js';

/**
 * The register's rules for one resident, as a pure function: the API (one record) and the Excel import (every
 * row of a file) check them the same way and report the same codes per field.
 */

export interface ResidentRuleInput {
  idNumber?: string | null;
  birthDate?: string | null;
  gender?: 'male' | 'female' | null;
  phone?: string | null;
  movedInOn?: string | null;
  tags?: readonly { tag: ResidentTag; basis?: ConsentBasis; detail?: string }[];
  minorBasis?: { basis: ConsentBasis; detail: string } | null;
  /** Purposes of the record's active consents (`minor`, `tag:disabled`, …) when an existing record is checked. */
  activePurposes?: readonly string[];
}

export interface ResidentProblem {
  /** The input field, as the API names it (`idNumber`, `tags.1`, `minorBasis`). */
  field: string;
  code: ErrorCode;
  /** For id_number_invalid: format, birth_date or checksum; for basis_required: the tag or `minor`. */
  reason?: string;
}

export interface ResidentFacts {
  /** Normalised (upper-case X, no spaces) when given and valid. */
  idNumber: string | null;
  /** From the ID number when there is one, else as given. */
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  /** Under MINOR_AGE today: the record as a whole is sensitive data. */
  minor: boolean;
}

export { ageOn, localDate };


const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date, not after `today`. */
export function isPastDate(s: string, today: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s && Number(m[1]) >= 1900 && s <= today;
}

export const PHONE = /^1[3-9]\d{9}$/;

export function validateResidentInput(input: ResidentRuleInput, now: Date): { problems: ResidentProblem[]; facts: ResidentFacts } {
  const today = localDate(now);
  const problems: ResidentProblem[] = [];
  let idNumber: string | null = null;
  let birthDate = input.birthDate ?? null;
  let gender = input.gender ?? null;

  if (birthDate !== null && !isPastDate(birthDate, today)) {
    problems.push({ field: 'birthDate', code: 'date_invalid' });
    birthDate = null;
  }
  if (input.idNumber) {
    // The ID number is checked against tomorrow's date in UTC+8 so a baby registered today is accepted.
    const parsed = parseIdNumber(input.idNumber.replace(/\s+/g, ''), new Date(Date.parse(today) + 86_399_999));
    if (!parsed.ok) {
      problems.push({ field: 'idNumber', code: 'id_number_invalid', reason: parsed.problem });
    } else {
      idNumber = parsed.facts.normalised;
      if (birthDate !== null && birthDate !== parsed.facts.birthDate) problems.push({ field: 'birthDate', code: 'birth_date_mismatch' });
      if (gender !== null && gender !== parsed.facts.gender) problems.push({ field: 'gender', code: 'gender_mismatch' });
      birthDate = parsed.facts.birthDate;
      gender = parsed.facts.gender;
    }
  }
  if (input.phone && !PHONE.test(input.phone)) problems.push({ field: 'phone', code: 'phone_invalid' });
  if (input.movedInOn && !isPastDate(input.movedInOn, today)) problems.push({ field: 'movedInOn', code: 'date_invalid' });

  const active = new Set(input.activePurposes ?? []);
  const minor = birthDate !== null && ageOn(birthDate, today) < MINOR_AGE;
  if (minor && !input.minorBasis && !active.has('minor')) problems.push({ field: 'minorBasis', code: 'basis_required', reason: 'minor' });
  (input.tags ?? []).forEach((t, i) => {
    if (isSensitiveTag(t.tag) && !(t.basis && t.detail) && !active.has(`tag:${t.tag}`)) {
      problems.push({ field: `tags.${i}`, code: 'basis_required', reason: t.tag });
    }
  });
  return { problems, facts: { idNumber, birthDate, gender, minor } };
}

/** An event date (a move, a departure) as told: a real date, not in the future. */
export function assertPastDate(date: string | undefined, now: Date, field = 'onDate'): void {
  if (date !== undefined && !isPastDate(date, localDate(now))) throw new AppError('date_invalid', 400, { field });
}

/** The API's answer to broken rules: the first problem's code, with every problem listed. */
export function throwProblems(problems: ResidentProblem[]): void {
  const first = problems[0];
  if (!first) return;
  throw new AppError(first.code, 400, { field: first.field, reason: first.reason, problems });
}
