/** Tables of the meeting module (filled in by its migration's author). */
export interface MeetingTables {}
