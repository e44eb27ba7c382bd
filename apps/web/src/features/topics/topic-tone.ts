import type { TopicStatus } from '@gongzhi/shared';

/** The resident pages' colour families, as requests use them: waiting, being worked on, done, ended. */
export const topicTone = (s: TopicStatus): string =>
  s === 'proposed' ? 'waiting' : s === 'on_agenda' || s === 'decided' || s === 'implementing' ? 'working' : s === 'reported' ? 'done' : 'ended';
