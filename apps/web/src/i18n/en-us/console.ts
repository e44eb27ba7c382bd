import type { consoleText as zh } from '../zh-cn/console.js';
import type { Shape } from '../shape.js';

export const consoleText: Shape<typeof zh> = {
  title: 'Gongzhi console',
  login: {
    title: 'Staff login',
    subtitle: 'For community and subdistrict staff',
    account: 'Account',
    accountPlaceholder: 'Username or phone number',
    password: 'Password',
    submit: 'Log in',
    residentLink: 'I am a resident: open the resident app',
    portalLink: 'Back to the home page',
  },
  menu: {
    label: 'Modules',
    requests: 'Requests',
    callbacks: 'Callbacks',
    proactive: 'Proactive cases',
    analysis: 'Analysis',
    visits: 'Visits',
    meetings: 'Meetings',
    integrations: 'Integrations',
    requestSettings: 'Request settings',
    places: 'Places',
    residents: 'Residents',
    households: 'Households',
    organisations: 'Organisations',
    partyMembers: 'Party members',
    transfer: 'Import / export',
    corrections: 'Corrections',
    users: 'Users',
    audit: 'Audit log',
    covenant: "Residents' covenant",
    deliberationMeetings: 'Deliberation meetings',
    topics: 'Topics',
  },
  header: {
    user: 'Signed in as',
    logout: 'Log out',
    loggedOut: 'You have logged out',
  },
  onBehalf: {
    banner: 'You are acting on behalf of the resident “{{name}}”. Every action records both of you.',
    stop: 'Stop acting on their behalf',
    stopped: 'No longer acting on their behalf',
  },
  noModules: {
    title: 'Nothing in the console for you yet',
    description: 'Your roles have no console modules. Residents use the resident app.',
    resident: 'Open the resident app',
  },
};
