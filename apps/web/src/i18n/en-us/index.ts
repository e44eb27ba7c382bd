import { errorMessages, type ErrorCode } from '@gongzhi/shared';
import type { Shape } from '../shape.js';
import type { zhCN } from '../zh-cn/index.js';
import { audit } from './audit.js';
import { common } from './common.js';
import { consoleText } from './console.js';
import { organisations } from './organisations.js';
import { places } from './places.js';
import { portal } from './portal.js';
import { registers } from './registers.js';
import { resident } from './resident.js';
import { transfer } from './transfer.js';
import { requests } from './requests.js';
import { users } from './users.js';
import { myRequests } from './my-requests.js';
import { notifications } from './notifications.js';
import { analysis } from './analysis.js';
import { visits } from './visits.js';
import { integrations } from './integrations.js';
import { covenant } from './covenant.js';
import { myCovenant } from './my-covenant.js';
import { topics } from './topics.js';
import { meetings } from './meetings.js';
import { covenantPledges } from './covenant-pledges.js';
import { reviews } from './reviews.js';
import { ledger } from './ledger.js';
import { disclosure } from './disclosure.js';
import { feeBoards } from './fee-boards.js';
import { elections } from './elections.js';

const errors = {
  ...common.errors,
  ...(Object.fromEntries(Object.entries(errorMessages).map(([k, v]) => [k, v.en])) as Record<ErrorCode, string>),
};

/** English: the same keys as Chinese. */
export const enUS: Shape<typeof zhCN> = { ...common, errors, console: consoleText, places, users, audit, resident, portal, registers, organisations, transfer, requests, myRequests, notifications, analysis, visits, integrations, covenant, myCovenant, topics, meetings, covenantPledges, reviews, ledger, disclosure, feeBoards, elections };
