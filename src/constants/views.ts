export const Views = {
  container: 'valkeyWelkin',
  explorer: 'valkeyWelkin.explorer',
} as const;

export type ViewId = (typeof Views)[keyof typeof Views];
