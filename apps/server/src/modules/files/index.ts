/** What other modules use from files: attaching uploads inside their transactions, views, and the purge job. */
export { attachFiles, fileOwners, fileUrl, fileViewOf, filesByOwner, purgeUnattachedFiles, uploadPhoto, type FileOwnerKind } from './files.service.js';
