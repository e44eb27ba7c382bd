import type { portal as zh } from '../zh-cn/portal.js';
import type { Shape } from '../shape.js';

export const portal: Shape<typeof zh> = {
  nav: {
    label: 'Main navigation',
    resident: 'Residents',
    console: 'Staff console',
  },
  hero: {
    title: 'Gongzhi (共治)',
    subtitle: 'Community matters, decided together',
    intro:
      'Gongzhi is an open-source platform for community governance: every need is heard, handled and answered; deliberations, the covenant, the accounts and honours are public for anyone to check.',
  },
  entries: {
    residentTitle: 'I am a resident',
    residentText: 'Raise needs, join deliberations, sign up for events. Elder mode included.',
    residentGo: 'Open the resident app',
    consoleTitle: 'I work for the community',
    consoleText: 'Community, subdistrict and grid staff do their daily work here.',
    consoleGo: 'Open the staff console',
  },
  communities: {
    title: 'Communities on Gongzhi',
    empty: 'No community has joined yet.',
    subdistrict: 'Subdistrict: {{name}}',
    failed: 'The list of communities could not be loaded.',
  },
  open: {
    label: 'What {{name}} publishes',
    publications: 'Notice board',
    catalogue: 'Disclosure catalogue',
    ledger: 'Public ledger',
    feeBoards: 'Fee board',
    elections: 'Elections',
    reviews: 'Democratic review',
  },
  sections: {
    title: 'Public information',
    covenantWhere: 'Published covenants are listed under each community above.',
    openWhere: 'Open it from each community above.',
    nothingYet: 'Nothing has been published yet.',
    disclosure: 'Notice board',
    disclosureText: 'Party, committee, finance and service disclosures.',
    ledger: 'Public accounts',
    ledgerText: 'Every income and expense, open and verifiable.',
    covenant: 'Residents’ covenant',
    covenantText: 'The agreement residents wrote and keep together.',
    honour: 'Honour roll',
    honourText: 'Recognising good neighbours and good deeds.',
  },
  footer: 'Gongzhi · open-source software (AGPL-3.0)',
};
