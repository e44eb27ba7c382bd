/** Tables of the covenant module (filled in by its migration's author). */
export interface CovenantTables {}
