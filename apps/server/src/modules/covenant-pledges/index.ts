/** What other modules use from covenant pledges: the photo check the files module asks. */
export { pledgeFileVisible } from './covenant-pledges.access.js';
