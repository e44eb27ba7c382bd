import { CovenantPledgesTab } from '../covenant-pledges/index.js';
import type { CovenantTabProps } from './covenant-bits.js';

/** 签字承诺: coverage, unreached households, paper pledges and nominations (the covenant-pledges feature). */
export function PledgesTab({ c }: CovenantTabProps) {
  return <CovenantPledgesTab covenantId={c.id} phase={c.phase} />;
}
