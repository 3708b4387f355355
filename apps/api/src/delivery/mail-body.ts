import type { DeliveryMessage } from './delivery.types';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The plain-text body of a message's mail. */
export function mailText(m: DeliveryMessage): string {
  const lines = [m.subject, '', ...m.summary];
  if (m.facts?.length) lines.push('', ...m.facts.map((f) => `${f.label}: ${f.value}`));
  if (m.notes?.length) lines.push('', ...m.notes);
  if (m.link) lines.push('', `${m.link.label ?? 'Open in Hubpulse'}: ${m.link.url}`);
  return lines.join('\n') + '\n';
}

/** The HTML body of a message's mail: the message's own `html`, else one built from its parts (inline styles only; mail clients drop <style>). */
export function mailHtml(m: DeliveryMessage): string {
  if (m.html) return m.html;
  const parts = [`<h2 style="font-family:sans-serif;margin:0 0 12px">${escapeHtml(m.subject)}</h2>`];
  for (const line of m.summary) parts.push(`<p style="font-family:sans-serif;margin:4px 0">${escapeHtml(line)}</p>`);
  if (m.facts?.length) {
    const rows = m.facts.map((f) => `<tr><th align="left" style="padding:2px 12px 2px 0;font-weight:600">${escapeHtml(f.label)}</th><td style="padding:2px 0">${escapeHtml(f.value)}</td></tr>`);
    parts.push(`<table style="font-family:sans-serif;border-collapse:collapse;margin:12px 0">${rows.join('')}</table>`);
  }
  for (const n of m.notes ?? []) parts.push(`<p style="font-family:sans-serif;color:#666;font-size:12px;margin:4px 0">${escapeHtml(n)}</p>`);
  if (m.link) parts.push(`<p style="font-family:sans-serif"><a href="${escapeHtml(m.link.url)}">${escapeHtml(m.link.label ?? 'Open in Hubpulse')}</a></p>`);
  return `<!doctype html><html><body>${parts.join('\n')}</body></html>`;
}
