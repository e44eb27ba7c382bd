import type { z } from 'zod';
import type { buildResult } from '@gongzhi/shared';

export type { ElectionDetail, ElectionTally, MyElectionView, ObjectionView, PublicElectionView, PublicVoterList, VoterView, ProxyView } from '@gongzhi/shared';
export type BuildResult = z.infer<typeof buildResult>;
