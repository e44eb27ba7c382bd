/**
 * What other modules use from the registers, chiefly the Excel import and export: the same rules as the API (a
 * pure validator returning every problem per field), the sealed personal-data columns, and the presenters
 * (masked resident views for a page, place labels) that cost two or three queries however many rows.
 */
export { ageOn, isPastDate, localDate, PHONE, throwProblems, validateResidentInput, type ResidentFacts, type ResidentProblem, type ResidentRuleInput } from './residents.rules.js';
export { isUniqueViolation, sealedColumns } from './residents.service.js';
export { auditSnapshot, residentDetailOf, residentViews } from './residents.views.js';
export { dwellingOfPath, labelsForPaths, placeLabels } from './place-labels.js';
export { householdViews } from './households.service.js';
export { historyRow, type HistoryInput, type ResidenceEvent } from './history.js';
export { listResidentRows, type ResidentFilter } from './residents.query.js';
