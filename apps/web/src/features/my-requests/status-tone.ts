import type { RequestStatus } from '@gongzhi/shared';

/** A colour family per status, always shown beside its words (never colour alone). */
export function statusTone(s: RequestStatus): 'waiting' | 'working' | 'answered' | 'done' | 'ended' {
  switch (s) {
    case 'received':
    case 'returned':
      return 'waiting';
    case 'dispatched':
    case 'in_progress':
    case 'objection':
      return 'working';
    case 'replied':
      return 'answered';
    case 'rated':
    case 'closed':
      return 'done';
    case 'merged':
    case 'withdrawn':
      return 'ended';
  }
}
