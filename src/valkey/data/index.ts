/** Changing data: compare-and-set edits of one key, bulk delete and expire, undo bundles. No editor code. */
export * from './edits';
export * from './stringEdit';
export * from './bulk';
export { RateLimiter } from './rateLimit';
export { UndoBundleWriter, readUndoBundle, isHeader, BundleFormatError, type UndoHeader, type UndoRecord } from './undoBundle';
