/**
 * The plain-language definition of every number the Engagement area shows about purposes, personas,
 * ambassadors and leader responsiveness. The API returns each next to its number and the dashboard
 * shows it verbatim, so what is computed and what is explained cannot drift apart: the worker's SQL
 * (apps/worker/src/patterns) implements exactly these sentences.
 */

/** Trailing window of the purpose indices, in days (the day itself and the 27 before it). */
export const PURPOSE_WINDOW_DAYS = 28;
/** Weeks looked back for the ambassador conditions (the week itself and the 7 before it). */
export const AMBASSADOR_WINDOW_WEEKS = 8;
/** Weeks out of the window with a contribution that make someone "steady". */
export const AMBASSADOR_STEADY_WEEKS = 6;
/** Distinct other departments someone must have interacted with to reach across departments. */
export const AMBASSADOR_OTHER_DEPARTMENTS = 2;
/** Shares (share, doc_share) in the window that make someone share outward. */
export const AMBASSADOR_SHARES = 2;
/** Items older than this are no longer in the unanswered queue. */
export const LEADER_QUEUE_DAYS = 90;

export const POPULATION_DEFINITION =
  "A group's population on a day is everyone in the directory in that group (the whole directory for the organisation) hired on or before that day, or without a hire date. People who act but are not in the directory are not counted in any group.";

export const PURPOSE_DEFINITIONS = {
  inform: {
    label: 'Inform',
    definition:
      'Reach of inform content: the share of the group\'s population who viewed at least one inform-purpose item in the 28 days ending that day.',
    numerator: 'people in the group with a view of inform-purpose content in the 28-day window',
    denominator: "the group's population on the day",
  },
  vision: {
    label: 'Shared vision',
    definition:
      "Engagement with the vision: the share of the group's population who, in the 28 days ending that day, reacted to, commented on, shared, answered or gave feedback on vision-purpose content, or gave feedback on the CEO blog. Views alone do not count.",
    numerator: 'people in the group with a non-view action on vision-purpose content or a feedback on the CEO blog in the 28-day window',
    denominator: "the group's population on the day",
  },
  productivity: {
    label: 'Productivity',
    definition:
      "The share of the group's population who, in the 28 days ending that day, shared a document (doc_share), reused a document someone else shared (viewed, reacted to, commented on or re-shared it), gave feedback, or updated a task.",
    numerator: 'people in the group who shared or reused a document, gave feedback or updated a task in the 28-day window',
    denominator: "the group's population on the day",
  },
  engagement: {
    label: 'Engagement',
    definition:
      "Two-way conversation: the share of the group's population who, in the 28 days ending that day, replied (comment, answer, feedback) to an item someone else wrote, or wrote an item that someone else replied to. Beside it, management participation: the share of the two-way conversations with a participant from the group in which at least one leader (is_leader) replied in the window.",
    numerator: 'people in the group who took part in a two-way conversation in the 28-day window',
    denominator: "the group's population on the day",
  },
  strategy: {
    label: 'Strategy',
    definition:
      'Engagement of the audiences linked to strategy goals: the share of the members of those audiences in the group who took any action (a view counts) on strategy-purpose content in the 28 days ending that day.',
    numerator: 'members of a linked audience in the group with an action on strategy-purpose content in the 28-day window',
    denominator: 'members of a linked audience in the group, on the day',
  },
} as const;

/** Named sub-counts (people, or conversations for the engagement index) stored beside each index. */
export const PURPOSE_PART_DEFINITIONS = {
  readers: 'people who viewed inform-purpose content in the window',
  vision_engagers: 'people with a non-view action on vision-purpose content in the window',
  ceo_feedback: 'people who gave feedback on the CEO blog in the window',
  doc_sharers: 'people who shared a document (doc_share) in the window',
  doc_reusers: 'people who viewed, reacted to, commented on or re-shared a document someone else shared, in the window',
  feedback_givers: 'people who gave feedback (any channel) in the window',
  task_updaters: 'people who updated a task in the window',
  conversations: 'two-way conversations (items with a reply from someone other than their author) with a participant from the group in the window',
  led_conversations: 'of those conversations, the ones in which a leader (is_leader) replied in the window',
  audience_members: 'members of the audiences linked to strategy goals, in the group',
} as const;

export const MANAGEMENT_SHARE_DEFINITION =
  'Management participation: of the two-way conversations with a participant from the group in the 28 days ending that day, the percentage in which at least one leader (is_leader) replied in that window.';

export const STRATEGY_NO_AUDIENCE_REASON =
  'No audience is linked to a strategy goal yet, so the strategy index cannot be computed. It appears once goals name their target audiences.';

export const PERSONA_PERIOD_DEFINITION =
  "Personas are assigned per person per ISO week (Monday to Sunday, UTC) from that week's actions only. Gives = reactions, comments, answers, feedback (responses) plus posts, shares and document shares (initiatives). Receives = reactions, comments, answers, feedback and shares by someone else aimed at the person (the event's target, or else the author of the item acted on). The first matching rule wins. The current week is counted up to the newest day of data.";

export const PERSONA_DEFINITIONS = {
  inactive: { label: 'Inactive', definition: 'No action at all in the week (not a persona; shown so the counts add up to the population).' },
  observer: { label: 'Observer', definition: 'Acted in the week (views, task updates) but gave nothing to others: no reaction, comment, answer, feedback, post or share.' },
  responder: { label: 'Responder', definition: 'Gave only responses (reactions, comments, answers, feedback) and started nothing (no post or share).' },
  catalyst: { label: 'Catalyst', definition: 'Started something (a post or share) and received at least twice as many responses as they gave in total.' },
  engager: { label: 'Engager', definition: 'Started something and also responded to others, receiving less than twice what they gave.' },
  broadcaster: { label: 'Broadcaster', definition: 'Started something but responded to no one, receiving less than twice what they gave.' },
} as const;

export const PERSONA_MOVEMENT_DEFINITION =
  "Movement counts people by their persona in one week (from) and the next (to); people in the directory in both weeks only. A person's group is their current department or location.";

export const AMBASSADOR_DEFINITION =
  'Ambassadors engage steadily, reach across departments and share outward. For each ISO week, every person is placed on the highest rung of the pipeline whose condition, and every earlier one, they meet over the 8 weeks ending that week.';

export const AMBASSADOR_STAGE_DEFINITIONS = {
  inactive: { label: 'Inactive', definition: 'No action at all in the 8 weeks.' },
  observer: { label: 'Observer', definition: 'Acted in the 8 weeks (views, task updates) but gave nothing to others.' },
  contributor: { label: 'Contributor', definition: 'Gave something (reaction, comment, answer, feedback, post or share) in at least one of the 8 weeks.' },
  steady: { label: 'Steady', definition: 'Gave something in at least 6 of the 8 weeks.' },
  connector: { label: 'Connector', definition: 'Steady, and interacted (a non-view action) with people or content of at least 2 departments other than their own in the 8 weeks.' },
  ambassador: { label: 'Ambassador', definition: 'Connector, and shared content onward (share or doc_share) at least 2 times in the 8 weeks.' },
} as const;

export const LEADER_ITEMS_DEFINITION =
  'Items addressed to leaders: questions asked in Q&A (a post on the qa channel) and feedback on the CEO blog, raised by people who are not leaders themselves. A leader reply is an answer by someone with is_leader other than the asker: for a question, an answer on the same item; for feedback, an answer whose properties.reply_to_event_id names the feedback. Groups are the asker\'s department or location.';

export const LEADER_METRIC_DEFINITIONS = {
  raised: 'Items raised in the period.',
  answered_share: 'Percentage of the items raised in the period that a leader has replied to so far (recent items may still be answered).',
  median_reply_hours: 'Median hours from an item being raised to its first leader reply, over the items raised in the period that have one.',
  queue: 'Items without a leader reply at the end of the last day of the period, raised in the 90 days before, by age.',
} as const;

/** Age bands of the unanswered queue: [from, to) in days. */
export const LEADER_QUEUE_BANDS = [
  { key: 'under_1d', label: 'under 1 day', from: 0, to: 1 },
  { key: 'd1_3', label: '1–3 days', from: 1, to: 3 },
  { key: 'd3_7', label: '3–7 days', from: 3, to: 7 },
  { key: 'd7_30', label: '7–30 days', from: 7, to: 30 },
  { key: 'd30_90', label: '30–90 days', from: 30, to: 90 },
] as const;

export const SUPPRESSED_REASON = 'Fewer people than the minimum group size: hidden to protect privacy.';
