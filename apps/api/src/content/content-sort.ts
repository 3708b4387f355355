import type { ContentItemRowDto, ContentSort } from '@hubpulse/contracts';

/**
 * Top (desc) or bottom (asc) content by a released figure. Items whose figure is hidden sort last
 * either way, by publication: ranking them by the hidden value would leak it between its neighbours.
 */
export function sortItems(items: readonly ContentItemRowDto[], sort: ContentSort, order: 'desc' | 'asc'): ContentItemRowDto[] {
  const valueOf = (i: ContentItemRowDto): number | null => {
    switch (sort) {
      case 'read_rate':
        return i.read_rate.value;
      case 'reach':
        return i.reach_rate.value;
      case 'interactions':
        return i.interactions.value;
      case 'comments':
        return i.comments.value;
      case 'published_at':
        return Date.parse(i.published_at);
    }
  };
  const sign = order === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return b.published_at.localeCompare(a.published_at) || a.content_id.localeCompare(b.content_id);
    }
    return sign * (va - vb) || b.published_at.localeCompare(a.published_at) || a.content_id.localeCompare(b.content_id);
  });
}
