/**
 * Delivery: sends one message to a list of channels and records every attempt in `deliveries`.
 *
 * Import DeliveryModule, inject DeliveryService, then
 *
 *   const outcomes = await delivery.deliver({
 *     source: { kind: 'alert', id: alert.id },          // 'schedule' | 'alert'
 *     runKey: firing.id,                                // groups one run's rows in the history
 *     message: { subject, summary: ['line', …], facts: [{ label, value }], link: { url }, attachments?, notes? },
 *     channels: [{ kind: 'email', userId }, { kind: 'slack' | 'teams' | 'webhook', url }],
 *     needs: { pages: ['/strategy/goals/:id'-like paths], roles?: [role the content was made for] },
 *   });
 *
 * - email: to a Hubpulse user by id. Before the send the user is re-read: gone, deactivated, or a role
 *   that may not open every page in `needs.pages` (PAGE_ACCESS) or not in `needs.roles` → `skipped`,
 *   with the reason recorded. Mail is HTML + text (+ attachments) through HUBPULSE_SMTP_URL.
 * - slack / teams / webhook: POST of a Slack Block Kit body, a Teams Adaptive Card message, or plain
 *   JSON. Only the host is recorded (the path of an incoming webhook is its secret).
 * - Each channel: up to 3 attempts, waits 2 s then 8 s, 15 s timeout each (DELIVERY_POLICY); a
 *   webhook 4xx (other than 408/429) or an SMTP 5xx is not retried. Outcome per channel:
 *   sent | failed | skipped, attempts, short error. `deliver` does not throw for a channel's failure.
 * - `recordSkipped(source, runKey, reason)` records a run that sent nothing ("skipped: unchanged").
 * - `history(kind, id)` reads a source's deliveries, newest first.
 *
 * Every number in a message must already have left through the disclosure layer.
 */
export { DeliveryModule } from './delivery.module';
export { DeliveryService, webhookTarget } from './delivery.service';
export { DEFAULT_DELIVERY_POLICY, DELIVERY_POLICY } from './delivery.types';
export type { DeliveryChannel, DeliveryFact, DeliveryMessage, DeliveryNeeds, DeliveryOutcome, DeliveryPolicy, DeliveryRequest } from './delivery.types';
