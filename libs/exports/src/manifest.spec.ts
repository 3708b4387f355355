import { canonicalManifestJson, manifestRows, type ExportManifest } from './manifest';

const manifest: ExportManifest = {
  view: 'overview.channels',
  title: 'Overview — channels',
  params: { to: '2026-02-28', from: '2026-02-01' },
  attribution: 'today',
  format: 'csv',
  min_group_size: 5,
  scoring_model_version: 2,
  segment_membership_versions: { b: 1, a: 4 },
  data_watermark: { newest_scored_day: '2026-02-28', newest_ingested_at: '2026-03-01T00:00:00.000Z' },
  created_at: '2026-03-01T09:00:00.000Z',
  created_by: 'ana@example.com',
  columns: [{ description: 'Hub channel', type: 'string', name: 'channel' }],
  rows: 3,
  hidden_cells: 1,
  hidden_note: 'hidden: fewer than 5 people',
  generator: 'hubpulse 0.1.0',
};

describe('canonicalManifestJson', () => {
  it('writes keys in one order whatever order the object was built in', () => {
    const shuffled = Object.fromEntries(Object.entries(manifest).reverse()) as unknown as ExportManifest;
    const json = canonicalManifestJson(manifest);
    expect(canonicalManifestJson(shuffled)).toBe(json);
    expect(Object.keys(JSON.parse(json))).toEqual(['view', 'title', 'params', 'attribution', 'format', 'min_group_size', 'scoring_model_version', 'segment_membership_versions', 'data_watermark', 'created_at', 'created_by', 'columns', 'rows', 'hidden_cells', 'hidden_note', 'generator']);
    expect(json).toContain('"params": {\n    "from": "2026-02-01",\n    "to": "2026-02-28"\n  }');
    expect(json).toContain('{\n      "name": "channel",\n      "type": "string",\n      "description": "Hub channel"\n    }');
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(manifest);
  });
});

describe('manifestRows', () => {
  it('flattens the manifest into key/value rows, one per column', () => {
    const rows = manifestRows(manifest);
    expect(rows).toContainEqual(['params.from', '2026-02-01']);
    expect(rows).toContainEqual(['segment_membership_versions.a', 4]);
    expect(rows).toContainEqual(['data_watermark.newest_scored_day', '2026-02-28']);
    expect(rows).toContainEqual(['columns.channel', 'string: Hub channel']);
    expect(rows).toContainEqual(['scoring_model_version', 2]);
    expect(rows[0]).toEqual(['view', 'overview.channels']);
    expect(manifestRows({ ...manifest, params: {} })).toContainEqual(['params', null]);
  });
});
