/** The key browser's domain: scanning, grouping, details, values and actions; no editor code. */
export { KeyBrowserModel, type KeyBrowserOptions, type LoadOptions } from './browser';
export { KeyScanner, DEFAULT_SCAN_COUNT, type ScanOptions, type ScanProgress } from './scanner';
export { PrefixTree, DEFAULT_MAX_NODES, type KeyEntry, type KeyGroup, type PrefixTreeOptions } from './prefixTree';
export { SeenKeys } from './seenKeys';
export { keyDetails, type DetailsOptions, type DetailsResult } from './details';
export { readValue, renderValue, headerFacts, unitOf, type KeyValue, type RenderedValue, type ValueLimits } from './value';
export { deleteKey, setExpiry, clearExpiry, parseSeconds } from './actions';
export { idOf, bytesOf, display, displayId, consoleArg, count, size, ttl } from './bytes';
export type { KeyCommands, KeyDetails, KeyType, KeysError, KeysResult } from './types';
