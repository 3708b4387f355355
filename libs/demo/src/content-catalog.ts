/** Words the demo content is made of. Titles only: the hub's analytics never read bodies. */
import type { Purpose } from '@hubpulse/contracts';

export const CEO_TOPICS: readonly string[] = [
  'Where we are going in the next three years',
  'Why customers stay: what I heard on my listening tour',
  'Our values are a promise, not a poster',
  'One company, many offices: how we work together',
  'What winning looks like this year',
  'Building things our customers love',
  'Owning our costs without losing our ambition',
  'The market is moving — so are we',
  'Thank you for an extraordinary quarter',
  'Learning fast: what our mistakes taught us',
  'Growing leaders at every level',
  'How we decide: clarity, speed and trust',
  'Our commitment to a sustainable business',
  'Listening better: your feedback and what we changed',
  'Focus: doing fewer things, better',
  'Why I am optimistic about the year ahead',
];

export const BLOG_TITLES: Readonly<Record<Purpose, readonly string[]>> = {
  strategy: [
    'How our pricing changes support the revenue goal', 'Three bets for market share in the mid-market',
    'Cutting cost-to-serve without cutting service', 'What the profit target means for your team',
    'Expanding in EMEA: the plan and the numbers', 'Why we are consolidating our vendors',
    'Reading the quarterly numbers: a guide for everyone', 'Our partner strategy, explained',
  ],
  vision: [
    'What our mission means on a Tuesday afternoon', 'Customer obsession in practice', 'Five years from now',
    'The stories behind our values', 'Why we build in the open',
  ],
  engagement: [
    'Meet the team: a week with Customer Success', 'Ask me anything: recap', 'Volunteering day photos and thanks',
    'What we learned from the engagement survey', 'New mentoring circles are open', 'Celebrating ten-year anniversaries',
  ],
  inform: [
    'Office moves this spring', 'The new travel policy in five minutes', 'Benefits enrolment: what changes',
    'Security awareness month', 'Holiday calendar and coverage', 'The new expense tool goes live',
  ],
  productivity: [
    'Fewer meetings, better meetings', 'How we run incident reviews', 'Templates that save us hours',
    'Getting the most out of the document library', 'Async updates that people actually read',
  ],
};

export const MICROBLOG_OPENERS: readonly string[] = [
  'Shipped', 'Big thanks to the team for', 'Quick win:', 'Reminder:', 'Anyone else working on', 'Proud of',
  'Heads-up:', 'Just wrapped up', 'Looking for help with', 'Great session on', 'Kudos to everyone on',
  'Lessons learned from', 'First week notes:', 'Can someone point me to', 'Celebrating',
];

export const MICROBLOG_SUBJECTS: readonly string[] = [
  'the onboarding revamp', 'the Q2 pipeline review', 'the new customer portal', 'our carbon reporting',
  'the Berlin office opening', 'the support backlog', 'the renewal with a key account', 'the hackathon demos',
  'the pricing page update', 'the quarterly business review', 'the mobile release', 'the warehouse move',
  'the new hire buddy programme', 'the security training', 'the data migration', 'the trade show booth',
  'the month-end close', 'the customer advisory board', 'the release train', 'the lunch & learn on AI tools',
  'the contract templates', 'the on-call rota', 'the hiring sprint', 'the churn analysis', 'the SSO rollout',
];

export const DOCUMENT_KINDS: readonly string[] = [
  'Playbook', 'Runbook', 'Template', 'Report', 'Proposal', 'Checklist', 'Guide', 'Minutes', 'Plan', 'Review',
];

export const DOCUMENT_TOPICS: Readonly<Record<string, readonly string[]>> = {
  Engineering: ['incident response', 'release process', 'architecture decision log', 'code review', 'on-call handover'],
  Sales: ['enterprise discovery calls', 'Q3 territory plan', 'pricing objections', 'deal desk approvals', 'win/loss'],
  Operations: ['vendor onboarding', 'warehouse safety', 'capacity planning', 'supplier scorecard', 'shipping SLAs'],
  'Customer Success': ['renewal risk', 'customer health scores', 'escalation process', 'QBR deck', 'onboarding'],
  Product: ['roadmap', 'user research synthesis', 'feature brief', 'launch readiness', 'design system'],
  Marketing: ['brand guidelines', 'campaign brief', 'webinar plan', 'content calendar', 'press release'],
  Finance: ['budget', 'month-end close', 'travel and expenses', 'forecast', 'procurement policy'],
  IT: ['laptop refresh', 'access requests', 'password policy', 'backup and restore', 'SaaS inventory'],
  HR: ['interview guide', 'onboarding checklist', 'performance review', 'parental leave', 'career ladder'],
  Legal: ['NDA', 'data processing agreement', 'contract review', 'export controls', 'privacy notice'],
  'Executive Office': ['board pack', 'offsite agenda', 'all-hands', 'OKR', 'strategy memo'],
};

export const QUESTIONS: readonly string[] = [
  'How do I request access to the CRM?', 'Where is the latest brand template?', 'Who approves travel over budget?',
  'What is the process for a new vendor?', 'How do I book a desk in the London office?',
  'Is there a guide for running customer workshops?', 'How do I expense a client dinner?',
  'Where can I find the holiday calendar for Singapore?', 'Who owns the pricing calculator?',
  'How do I get a second monitor?', 'What is our policy on open-source contributions?',
  'How do I nominate someone for the quarterly awards?', 'Where are the sales battlecards?',
  'Can contractors join the mentoring circles?', 'How do I reset my VPN token?',
  'What is the escalation path for a P1 customer issue?', 'How do I change my benefits?',
  'Which template should I use for a project brief?', 'Who can help me with a data export?',
  'How do I add a team to the org chart?',
];
