/**
 * A local Sentinel endpoint for the developer's own application (issue 15): port-forwards to a
 * cluster's pods and a Sentinel on 127.0.0.1 that answers with the forwards' addresses.
 */
export { LocalSentinelEndpoint, DEFAULT_SENTINEL_PORT, type LocalEndpointOptions, type LocalEndpointStatus, type LocalEndpointEvent } from './endpoint';
export { commandPolicy, translateReply, translateEvent, translateInfo, translateMessage, type AddressTranslator, type LocalAddress, type CommandPolicy, type ReplyKind } from './translate';
export { encodeReply } from './encodeReply';
