/** What the covenant's console page embeds: the 签字承诺 tab. */
export { CovenantPledgesTab, type CovenantPledgesTabProps } from './covenant-pledges-tab.js';
