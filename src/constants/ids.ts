/** The extension's identity and the prefix of every id it contributes. */
export const PUBLISHER = 'valkey-on-welkin';
export const NAME = 'valkey-welkin';
export const EXTENSION_ID = `${PUBLISHER}.${NAME}`;
export const PREFIX = 'valkeyWelkin';
export const DISPLAY_NAME = 'Valkey on Welkin';
