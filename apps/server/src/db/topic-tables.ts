/** Tables of the topic module (filled in by its migration's author). */
export interface TopicTables {}
