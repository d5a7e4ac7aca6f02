/**
 * The settings contract shared by the client, the server and the manifest test: every `caseed.*`
 * setting is declared here once, with its default and bounds. `package.json`'s
 * `contributes.configuration` must list the same keys with the same defaults (test/core/manifest.test.ts).
 *
 * To add a setting: add it to `SETTINGS` and to `CaseedSettings`/`settingsFrom` below, then to the
 * manifest (with `scope`, `markdownDescription` and `default`).
 */

export const SETTINGS_SECTION = 'caseed';

export type TraceLevel = 'off' | 'messages' | 'verbose';

interface BooleanSpec {
  type: 'boolean';
  default: boolean;
}
interface NumberSpec {
  type: 'number';
  default: number;
  minimum: number;
  maximum: number;
  integer?: boolean;
}
interface EnumSpec {
  type: 'enum';
  default: string;
  values: readonly string[];
}
interface StringSpec {
  type: 'string';
  default: string;
}
export type SettingSpec = BooleanSpec | NumberSpec | EnumSpec | StringSpec;

/** Every setting, keyed by its name under `caseed.` */
export const SETTINGS = {
  'validate.enable': { type: 'boolean', default: true },
  'validate.debounceMs': {
    type: 'number',
    default: 50,
    minimum: 0,
    maximum: 5000,
    integer: true,
  },
  'validate.maxProblems': {
    type: 'number',
    default: 1000,
    minimum: 1,
    maximum: 100000,
    integer: true,
  },
  'features.maxFileSizeMB': { type: 'number', default: 1024, minimum: 0.1, maximum: 8192 },
  'trace.server': { type: 'enum', default: 'off', values: ['off', 'messages', 'verbose'] },
  'send.dataCenter': {
    type: 'enum',
    default: 'us1',
    values: ['us1', 'us2', 'eu1', 'au1', 'custom'],
  },
  'send.baseUrl': { type: 'string', default: '' },
  'send.maxUsers': { type: 'number', default: 100, minimum: 1, maximum: 100000, integer: true },
  'send.maxBytes': {
    type: 'number',
    default: 262144,
    minimum: 1024,
    maximum: 16777216,
    integer: true,
  },
  'send.concurrency': { type: 'number', default: 4, minimum: 1, maximum: 16, integer: true },
  'definitions.path': { type: 'string', default: '' },
  'definitions.apiUrl': { type: 'string', default: 'https://api.mparticle.com' },
  'definitions.tokenUrl': { type: 'string', default: 'https://sso.auth.mparticle.com/oauth/token' },
  'definitions.staleDays': {
    type: 'number',
    default: 7,
    minimum: 1,
    maximum: 3650,
    integer: true,
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;

/** The typed settings object both sides work with. */
export interface CaseedSettings {
  validate: {
    /** Validate seed files as they are edited. */
    enable: boolean;
    /** Quiet time after the last keystroke before a document is validated again. */
    debounceMs: number;
    /** At most this many problems are shown per file (the status item still counts them all). */
    maxProblems: number;
  };
  features: {
    /** Above this size, completion, hover, symbols, code actions and formatting are off. */
    maxFileSizeMB: number;
  };
  trace: { server: TraceLevel };
  /** Sending (the API key and secret are never settings: they live in SecretStorage). */
  send: {
    /** A pod id, or `custom` to use `baseUrl`. */
    dataCenter: 'us1' | 'us2' | 'eu1' | 'au1' | 'custom';
    /** The custom base URL (https, or http on loopback only). */
    baseUrl: string;
    /** At most this many users per bulk request. */
    maxUsers: number;
    /** At most this many bytes per request. */
    maxBytes: number;
    /** Requests in flight at once. */
    concurrency: number;
  };
  /** The workspace's calculated attribute definitions (caseed.definitions.json). */
  definitions: {
    /** A definitions file to use instead of the nearest one ('' = nearest up from the seed file). */
    path: string;
    /** A snapshot older than this many days is called stale. */
    staleDays: number;
    /** The Platform API **caseed: Pull Definitions** reads (https, or http on loopback). */
    apiUrl: string;
    /** The OAuth token endpoint of the Platform API. */
    tokenUrl: string;
  };
}

/** The raw value at a dotted key of a nested settings object (as `workspace/configuration` returns it). */
function rawAt(raw: unknown, key: string): unknown {
  if (raw === null || typeof raw !== 'object') return undefined;
  let node: unknown = raw;
  for (const part of key.split('.')) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  // Flat form too (`{"validate.enable": false}`), as some LSP clients send it.
  return node !== undefined ? node : (raw as Record<string, unknown>)[key];
}

/** The value of one setting from raw input; anything of the wrong type or out of range falls back. */
export function settingValue<K extends SettingKey>(
  raw: unknown,
  key: K,
): (typeof SETTINGS)[K]['default'] {
  const spec: SettingSpec = SETTINGS[key];
  const value = rawAt(raw, key);
  switch (spec.type) {
    case 'boolean':
      return (typeof value === 'boolean' ? value : spec.default) as (typeof SETTINGS)[K]['default'];
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return spec.default as (typeof SETTINGS)[K]['default'];
      }
      const n = Math.min(spec.maximum, Math.max(spec.minimum, value));
      return (spec.integer === true ? Math.round(n) : n) as (typeof SETTINGS)[K]['default'];
    }
    case 'string':
      return (typeof value === 'string' ? value : spec.default) as (typeof SETTINGS)[K]['default'];
    case 'enum':
      return (
        typeof value === 'string' && spec.values.includes(value) ? value : spec.default
      ) as (typeof SETTINGS)[K]['default'];
  }
}

/** Turn whatever the editor sent (possibly nothing, possibly garbage) into typed settings. */
export function settingsFrom(raw: unknown): CaseedSettings {
  return {
    validate: {
      enable: settingValue(raw, 'validate.enable'),
      debounceMs: settingValue(raw, 'validate.debounceMs'),
      maxProblems: settingValue(raw, 'validate.maxProblems'),
    },
    features: { maxFileSizeMB: settingValue(raw, 'features.maxFileSizeMB') },
    trace: { server: settingValue(raw, 'trace.server') as TraceLevel },
    send: {
      dataCenter: settingValue(raw, 'send.dataCenter') as CaseedSettings['send']['dataCenter'],
      baseUrl: settingValue(raw, 'send.baseUrl'),
      maxUsers: settingValue(raw, 'send.maxUsers'),
      maxBytes: settingValue(raw, 'send.maxBytes'),
      concurrency: settingValue(raw, 'send.concurrency'),
    },
    definitions: {
      path: settingValue(raw, 'definitions.path'),
      staleDays: settingValue(raw, 'definitions.staleDays'),
      apiUrl: settingValue(raw, 'definitions.apiUrl'),
      tokenUrl: settingValue(raw, 'definitions.tokenUrl'),
    },
  };
}

export const DEFAULT_SETTINGS: CaseedSettings = settingsFrom(undefined);
