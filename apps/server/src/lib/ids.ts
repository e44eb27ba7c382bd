import { uuidv7 } from 'uuidv7';

/** A new time-sortable id. */
export const newId = (): string => uuidv7();
