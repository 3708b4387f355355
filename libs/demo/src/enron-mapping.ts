import type { Content, HubEvent, Person } from '@hubpulse/contracts';

/**
 * The public Enron corpus (Zhou et al. 2007, coded by Perry & Wolfe 2011) as hub activity. Pure:
 * the caller reads the three TSV files and hands over their text.
 *
 * Reading: each message is a microblog action on a thread. A subject without a Re:/Fw:/Fwd: prefix
 * starts a thread (a `post` and a content item); "Re:" is a `comment` on the thread, aimed at the
 * starter's sender; "Fw:"/"Fwd:" is a `share`. Each recipient row is a `view` of the thread by the
 * receiver at the message's time. Thread identity is the subject without prefixes, lower-cased and
 * with runs of spaces collapsed; since short subjects recur ("Meeting", "FYI" a year apart), a
 * reply belongs to the most recent starter with that subject sent at or before it. Replies and
 * forwards with no such starter in the corpus (its first message was not kept) get a content item
 * of their own with no known author: an "orphan" thread, one per subject. A reply or forward with an
 * empty subject cannot be matched to anything and becomes its own orphan thread.
 */

export const ENRON_CHANNEL = 'microblog' as const;
export const ENRON_PURPOSE = 'engagement' as const;

export interface EnronEmployee {
  id: string;
  name: string;
  department: string;
  unit: string;
  title: string;
  gender: string;
  seniority: string;
}

export interface EnronMessage {
  id: string;
  mailbox: string;
  /** Seconds since the epoch. */
  time: number;
  subject: string;
  senderId: string;
}

export interface EnronRecipient {
  messageId: string;
  recipientNumber: string;
  receiverId: string;
}

export interface EnronMappingStats {
  people: number;
  messages: number;
  recipientRows: number;
  content: number;
  /** Threads opened in the corpus (one per starting message). */
  threads: number;
  /** Threads whose first message is not in the corpus. */
  orphanThreads: number;
  posts: number;
  comments: number;
  /** Comments whose thread starter is unknown, so they carry no target_actor_id. */
  commentsWithoutTarget: number;
  /** Replies by the thread starter's own sender (kept; their target is themselves). */
  selfReplies: number;
  shares: number;
  views: number;
  events: number;
  skipped: {
    /** Messages whose sender is not one of the employees: no event (their recipients still view the thread). */
    messagesFromUnknownSenders: number;
    /** Recipient rows whose receiver is not one of the employees. */
    recipientsUnknownReceiver: number;
    /** Recipient rows naming a message that is not in messages.tsv. */
    recipientsUnknownMessage: number;
  };
}

export interface EnronImport {
  people: Person[];
  content: Content[];
  events: HubEvent[];
  stats: EnronMappingStats;
}

/** Rows of a tab-separated file without a header; blank lines (the final newline) are ignored. */
export function parseTsv(text: string, columns: number, file = 'file'): string[][] {
  const rows: string[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split('\t');
    if (cells.length !== columns) throw new Error(`${file} line ${i + 1}: expected ${columns} tab-separated columns, found ${cells.length}`);
    rows.push(cells);
  });
  return rows;
}

export function parseEnronEmployees(text: string): EnronEmployee[] {
  return parseTsv(text, 7, 'employees.tsv').map(([id, name, department, unit, title, gender, seniority]) => ({
    id: id.trim(), name: name.trim(), department: department.trim(), unit: unit.trim(), title: title.trim(), gender: gender.trim(), seniority: seniority.trim(),
  }));
}

export function parseEnronMessages(text: string): EnronMessage[] {
  return parseTsv(text, 5, 'messages.tsv').map(([id, mailbox, time, subject, senderId], i) => {
    const seconds = Number(time);
    if (!Number.isInteger(seconds)) throw new Error(`messages.tsv row ${i + 1}: time is not a whole number of seconds: ${time}`);
    return { id: id.trim(), mailbox, time: seconds, subject, senderId: senderId.trim() };
  });
}

export function parseEnronRecipients(text: string): EnronRecipient[] {
  return parseTsv(text, 3, 'recipients.tsv').map(([messageId, recipientNumber, receiverId]) => ({
    messageId: messageId.trim(), recipientNumber: recipientNumber.trim(), receiverId: receiverId.trim(),
  }));
}

/** Titles that make someone a leader: vice presidents, presidents, C-level, (managing) directors. */
const LEADER_TITLE = /\b(VP|President|CEO|COO|CFO|CTO|CRO|Director|Dir|Mng Dir|Managing Director)\b/i;

export function enronPersonId(employeeId: string): string {
  return `enron-${employeeId}`;
}

export function mapEnronPeople(employees: readonly EnronEmployee[]): Person[] {
  return employees.map((e) => ({
    person_id: enronPersonId(e.id),
    name: e.name,
    email: null,
    department: e.department || null,
    location: null,
    title: e.title || null,
    manager_id: null,
    hired_at: null,
    is_leader: LEADER_TITLE.test(e.title),
    attributes: { unit: orNull(e.unit), gender: orNull(e.gender), seniority: orNull(e.seniority) },
  }));
}

export type MessageKind = 'post' | 'comment' | 'share';

const PREFIX = /^\s*(re|fwd?)\s*(\[\d+\])?\s*:\s*/i;

/** What a subject says: the kind of message (from its first prefix), the bare title and the thread key. */
export function readSubject(subject: string): { kind: MessageKind; title: string; key: string } {
  let rest = subject;
  let kind: MessageKind = 'post';
  for (let m = PREFIX.exec(rest); m; m = PREFIX.exec(rest)) {
    if (kind === 'post') kind = m[1].toLowerCase() === 're' ? 'comment' : 'share';
    rest = rest.slice(m[0].length);
  }
  const title = rest.replace(/\s+/g, ' ').trim();
  return { kind, title, key: title.toLowerCase() };
}

interface Thread {
  content: Content;
  /** Sender of the starting message; null for orphan threads. */
  starter: string | null;
}

export function mapEnron(input: { employees: readonly EnronEmployee[]; messages: readonly EnronMessage[]; recipients: readonly EnronRecipient[] }): EnronImport {
  const people = mapEnronPeople(input.employees);
  const known = new Set(input.employees.map((e) => e.id));
  const stats: EnronMappingStats = {
    people: people.length, messages: input.messages.length, recipientRows: input.recipients.length, content: 0, threads: 0, orphanThreads: 0,
    posts: 0, comments: 0, commentsWithoutTarget: 0, selfReplies: 0, shares: 0, views: 0, events: 0,
    skipped: { messagesFromUnknownSenders: 0, recipientsUnknownReceiver: 0, recipientsUnknownMessage: 0 },
  };

  const content: Content[] = [];
  const latestStarter = new Map<string, Thread>();
  const orphans = new Map<string, Thread>();
  const threadOf = new Map<string, Thread>();
  const messageEvents = new Map<string, HubEvent>();
  const newThread = (m: EnronMessage, title: string, starter: string | null): Thread => {
    const thread: Thread = {
      content: {
        content_id: `enron-thread-${m.id}`, channel: ENRON_CHANNEL, purpose: ENRON_PURPOSE,
        author_id: starter === null ? null : enronPersonId(starter), title: (title || '(no subject)').slice(0, 500), published_at: isoSeconds(m.time),
      },
      starter,
    };
    content.push(thread.content);
    if (starter === null) stats.orphanThreads++;
    else stats.threads++;
    return thread;
  };

  // In time order, so "the most recent starter" and "the first message of an orphan thread" are well defined.
  const ordered = [...input.messages].sort((a, b) => a.time - b.time || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
  for (const m of ordered) {
    const { kind, title, key } = readSubject(m.subject);
    const senderKnown = known.has(m.senderId);
    let thread: Thread;
    if (kind === 'post') {
      thread = newThread(m, title, senderKnown ? m.senderId : null);
      if (key !== '') latestStarter.set(key, thread);
    } else {
      const found = key === '' ? undefined : latestStarter.get(key) ?? orphans.get(key);
      thread = found ?? newThread(m, title, null);
      if (!found && key !== '') orphans.set(key, thread);
    }
    threadOf.set(m.id, thread);
    if (!senderKnown) {
      stats.skipped.messagesFromUnknownSenders++;
      continue;
    }
    const event: HubEvent = {
      event_id: `enron-msg-${m.id}`, type: kind, actor_id: enronPersonId(m.senderId), occurred_at: isoSeconds(m.time),
      content_id: thread.content.content_id, channel: ENRON_CHANNEL, purpose: ENRON_PURPOSE,
    };
    if (kind === 'post') stats.posts++;
    else if (kind === 'share') stats.shares++;
    else {
      stats.comments++;
      if (thread.starter === null) stats.commentsWithoutTarget++;
      else {
        event.target_actor_id = enronPersonId(thread.starter);
        if (thread.starter === m.senderId) stats.selfReplies++;
      }
    }
    messageEvents.set(m.id, event);
  }

  // Message events first, then their deliveries, both in time order.
  const events: HubEvent[] = ordered.flatMap((m) => messageEvents.get(m.id) ?? []);
  const byId = new Map(input.messages.map((m) => [m.id, m]));
  const views: { time: number; order: number; event: HubEvent }[] = [];
  input.recipients.forEach((r, order) => {
    const m = byId.get(r.messageId);
    if (!m) return void stats.skipped.recipientsUnknownMessage++;
    if (!known.has(r.receiverId)) return void stats.skipped.recipientsUnknownReceiver++;
    views.push({
      time: m.time, order,
      event: {
        event_id: `enron-rcpt-${r.messageId}-${r.recipientNumber}`, type: 'view', actor_id: enronPersonId(r.receiverId), occurred_at: isoSeconds(m.time),
        content_id: threadOf.get(m.id)!.content.content_id, channel: ENRON_CHANNEL, purpose: ENRON_PURPOSE,
      },
    });
  });
  views.sort((a, b) => a.time - b.time || a.order - b.order);
  for (const v of views) events.push(v.event);
  stats.views = views.length;
  stats.content = content.length;
  stats.events = events.length;
  return { people, content, events, stats };
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function orNull(value: string): string | null {
  return value === '' || value === 'NA' ? null : value;
}
