import { postHogRemoteConfigScript, segmentSettings } from './browser-config';

describe('browser SDK answers', () => {
  it("names the API host for analytics.js without a scheme, under Hubpulse's own path", () => {
    const at = (url: string) => (segmentSettings('k', new URL(url)) as { integrations: Record<string, { apiHost: string; protocol: string }> }).integrations['Segment.io'];
    expect(at('https://hubpulse.example.com')).toMatchObject({ apiHost: 'hubpulse.example.com/v1', protocol: 'https' });
    expect(at('http://10.0.0.5:3000/analytics/')).toMatchObject({ apiHost: '10.0.0.5:3000/analytics/v1', protocol: 'http' });
  });

  it('writes the posthog-js remote config script with the token as a JSON string (no script injection through it)', () => {
    const script = postHogRemoteConfigScript('k"];alert(1);//');
    expect(script).toContain('window._POSTHOG_REMOTE_CONFIG["k\\"];alert(1);//"]=');
    expect(() => new Function(script)).not.toThrow();
  });
});
