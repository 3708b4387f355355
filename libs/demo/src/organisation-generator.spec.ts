import { contentSchema, personSchema } from '@hubpulse/contracts';
import { generateOrganisation } from './organisation-generator';

describe('generateOrganisation', () => {
  const org = generateOrganisation({ seed: 42, endDate: '2026-03-31' });
  const byId = new Map(org.people.map((p) => [p.person_id, p]));

  it('is deterministic: the same seed gives the same people and content, another seed does not', () => {
    const again = generateOrganisation({ seed: 42, endDate: '2026-03-31' });
    expect(JSON.stringify(again.people)).toBe(JSON.stringify(org.people));
    expect(JSON.stringify(again.content)).toBe(JSON.stringify(org.content));
    const other = generateOrganisation({ seed: 43, endDate: '2026-03-31' });
    expect(JSON.stringify(other.people)).not.toBe(JSON.stringify(org.people));
  });

  it('has 2,400 people by default, each valid under the contract, with unique ids and emails', () => {
    expect(org.people).toHaveLength(2400);
    for (const p of org.people) expect(personSchema.parse(p)).toEqual(p);
    expect(new Set(org.people.map((p) => p.person_id)).size).toBe(2400);
    expect(new Set(org.people.map((p) => p.email)).size).toBe(2400);
    expect(org.people[0].person_id).toBe('p0001');
    expect(org.people.every((p) => /^p\d{4}$/.test(p.person_id) && p.email!.endsWith('@alderbank.example'))).toBe(true);
  });

  it('spreads people over ten departments and several offices', () => {
    const departments = new Map<string, number>();
    for (const p of org.people) departments.set(p.department!, (departments.get(p.department!) ?? 0) + 1);
    for (const d of ['Sales', 'Engineering', 'Operations', 'Finance', 'Marketing', 'HR', 'Customer Success', 'Legal', 'Product', 'IT']) {
      expect(departments.get(d)).toBeGreaterThan(50);
    }
    expect(new Set(org.people.map((p) => p.location)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(org.people.map((p) => p.title)).size).toBeGreaterThan(60);
  });

  it('forms one manager tree with the CEO at the root and no cycles', () => {
    const roots = org.people.filter((p) => p.manager_id == null);
    expect(roots.map((p) => p.title)).toEqual(['Chief Executive Officer']);
    expect(roots[0].is_leader).toBe(true);
    for (const p of org.people) {
      const seen = new Set<string>();
      let cur = p;
      while (cur.manager_id != null) {
        expect(seen.has(cur.person_id)).toBe(false);
        seen.add(cur.person_id);
        const boss = byId.get(cur.manager_id);
        expect(boss).toBeDefined();
        cur = boss!;
      }
      expect(cur.person_id).toBe('p0001');
    }
  });

  it('marks the CEO, executives and directors as leaders, and no one else', () => {
    for (const p of org.people) {
      expect(p.is_leader).toBe(['ceo', 'executive', 'director'].includes(String(p.attributes.level)));
    }
    const executives = org.people.filter((p) => p.attributes.level === 'executive');
    expect(executives).toHaveLength(10);
    expect(executives.every((e) => e.manager_id === 'p0001')).toBe(true);
    const leaders = org.people.filter((p) => p.is_leader).length;
    expect(leaders).toBeGreaterThan(25);
    expect(leaders).toBeLessThan(80);
    // Managers lead teams of a plausible size.
    const reports = new Map<string, number>();
    for (const p of org.people) if (p.manager_id) reports.set(p.manager_id, (reports.get(p.manager_id) ?? 0) + 1);
    const managers = org.people.filter((p) => p.attributes.level === 'manager');
    const sizes = managers.map((m) => reports.get(m.person_id) ?? 0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(15);
  });

  it('hires over ~15 years, with a few people joining during the window', () => {
    const hired = org.people.map((p) => p.hired_at!).sort();
    expect(hired[0] >= '2010-06-01').toBe(true);
    expect(hired[0] <= '2013-12-31').toBe(true);
    expect(hired[hired.length - 1] <= '2026-03-31').toBe(true);
    const recent = hired.filter((h) => h >= org.window.startDate).length;
    expect(recent).toBeGreaterThan(20);
    expect(recent).toBeLessThan(120);
  });

  it('publishes valid content: weekly newsletters, a weekly CEO post, a few bloggers and much more', () => {
    for (const c of org.content) expect(contentSchema.parse(c)).toEqual(c);
    expect(new Set(org.content.map((c) => c.content_id)).size).toBe(org.content.length);
    const of = (channel: string) => org.content.filter((c) => c.channel === channel);
    expect(of('newsletter')).toHaveLength(10 * 13); // 13 Mondays in Jan–Mar 2026
    expect(of('newsletter').every((c) => c.purpose === 'inform')).toBe(true);
    expect(of('ceo_blog')).toHaveLength(13);
    expect(of('ceo_blog').every((c) => c.purpose === 'vision' && c.author_id === 'p0001')).toBe(true);
    const blog = of('blog');
    expect(new Set(blog.map((c) => c.author_id)).size).toBeLessThan(40);
    expect(new Set(blog.map((c) => c.purpose))).toContain('strategy');
    expect(of('documents').every((c) => c.purpose === 'productivity')).toBe(true);
    expect(of('documents').length).toBeGreaterThan(1000);
    expect(of('microblog').length).toBeGreaterThan(1000);
    expect(of('qa').length).toBeGreaterThan(300);
    const times = org.content.map((c) => c.published_at);
    expect([...times].sort()).toEqual(times);
    expect(times[0] >= '2026-01-01').toBe(true);
    expect(times[times.length - 1] < '2026-04-01').toBe(true);
    expect(org.content.every((c) => byId.has(c.author_id!))).toBe(true);
  });

  it('scales down for small organisations and refuses tiny ones', () => {
    const small = generateOrganisation({ seed: 'small', people: 60, endDate: '2026-03-31', days: 14 });
    expect(small.people).toHaveLength(60);
    expect(small.people.filter((p) => p.manager_id == null)).toHaveLength(1);
    expect(() => generateOrganisation({ seed: 1, people: 5, endDate: '2026-03-31' })).toThrow('people must be');
  });
});
