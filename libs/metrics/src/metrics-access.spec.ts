import { metricsRefusal } from './metrics-access';

describe('metricsRefusal', () => {
  const token = 'metrics-token-0123456789';

  it('lets every scrape in without a token configured', () => {
    expect(metricsRefusal(undefined, undefined)).toBeNull();
    expect(metricsRefusal(undefined, 'Bearer anything')).toBeNull();
  });

  it('with a token, requires exactly it as a Bearer token and says what is missing', () => {
    expect(metricsRefusal(token, `Bearer ${token}`)).toBeNull();
    expect(metricsRefusal(token, `bearer ${token}`)).toBeNull();
    expect(metricsRefusal(token, undefined)).toMatch(/^Authorization: missing; .*HUBPULSE_METRICS_TOKEN/);
    expect(metricsRefusal(token, `Basic ${token}`)).toMatch(/^Authorization: not a Bearer token/);
    expect(metricsRefusal(token, `Bearer ${token}x`)).toBe('Authorization: not the metrics token (HUBPULSE_METRICS_TOKEN)');
    expect(metricsRefusal(token, 'Bearer short')).toBe('Authorization: not the metrics token (HUBPULSE_METRICS_TOKEN)');
  });
});
