import type { z } from 'zod';
import type { correctionFields, myDataView, myHouseholdView } from '@gongzhi/shared';
import { api } from '../../api/client.js';
import type { CorrectionView } from '../registers/registers-api.js';

export type MyData = z.infer<typeof myDataView>;
export type MyHousehold = z.infer<typeof myHouseholdView>;
export type CorrectionField = (typeof correctionFields)[number];

/** What the community holds about the signed-in resident (PIPL art. 45), and their correction requests. */
export const myDataApi = {
  data: () => api.get<MyData>('/me/data'),
  household: () => api.get<MyHousehold>('/me/household'),
  askCorrection: (field: CorrectionField, message: string) => api.post<CorrectionView>('/me/corrections', { field, message }),
};
