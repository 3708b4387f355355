import { randomUUID } from 'node:crypto';

/**
 * What the browser SDKs fetch before they send: the smallest answers each accepts as valid, so they
 * run without console errors, load nothing more (no device-mode destinations, plugins, flags,
 * recordings or surveys) and send their events here.
 */

/**
 * analytics.js settings (`GET /v1/projects/<writeKey>/settings`, fetched from its `cdnURL`): the
 * Segment.io destination naming this host as the API (`apiHost` is host[:port]/v1, no scheme).
 * Metrics off (they would go to /v1/m), no remote plugins or middleware (their bundles would be
 * fetched from the CDN URL).
 */
export function segmentSettings(writeKey: string, base: URL): unknown {
  return {
    integrations: {
      'Segment.io': {
        apiKey: writeKey,
        apiHost: `${base.host}${base.pathname.replace(/\/+$/, '')}/v1`,
        protocol: base.protocol.replace(':', ''),
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
      },
    },
    plan: { track: { __default: { enabled: true, integrations: {} } }, identify: { __default: { enabled: true } }, group: { __default: { enabled: true } } },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}

/** RudderStack's `GET /sourceConfig`: an enabled source without device-mode destinations, error and metrics reporting off. */
export function rudderSourceConfig(writeKey: string, keyId: string): unknown {
  return {
    isHosted: false,
    source: {
      id: keyId,
      name: 'Hubpulse',
      writeKey,
      workspaceId: 'hubpulse',
      enabled: true,
      config: { statsCollection: { errors: { enabled: false }, metrics: { enabled: false } } },
      destinations: [],
    },
  };
}

/**
 * posthog-js remote config (`/array/<token>/config` as JSON, `/array/<token>/config.js` as a script):
 * gzip-js compression, the capture endpoint, and every optional feature off.
 */
export function postHogRemoteConfig(token: string): Record<string, unknown> {
  return {
    token,
    supportedCompression: ['gzip-js'],
    hasFeatureFlags: false,
    captureDeadClicks: false,
    capturePerformance: false,
    autocapture_opt_out: false,
    autocaptureExceptions: false,
    analytics: { endpoint: '/i/v0/e/' },
    elementsChainAsString: true,
    sessionRecording: false,
    heatmaps: false,
    surveys: false,
    productTours: false,
    defaultIdentifiedOnly: true,
    siteApps: [],
  };
}

/** The script form: what posthog-js reads from `window._POSTHOG_REMOTE_CONFIG[token]`. */
export function postHogRemoteConfigScript(token: string): string {
  const entry = JSON.stringify({ config: postHogRemoteConfig(token), siteApps: [] });
  return `(function(){window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{};window._POSTHOG_REMOTE_CONFIG[${JSON.stringify(token)}]=${entry};})();\n`;
}

/** `/flags` (v2) and the older `/decide`: no feature flags, and the remote config for clients that read it from here. */
export function postHogFlags(token: string): unknown {
  return {
    ...postHogRemoteConfig(token),
    config: { enable_collect_everything: true },
    flags: {},
    featureFlags: {},
    featureFlagPayloads: {},
    errorsWhileComputingFlags: false,
    quotaLimited: [],
    requestId: randomUUID(),
    toolbarParams: {},
    isAuthenticated: false,
  };
}
