/** The plugin's queues: e-mail is sent at once and retried; maintenance runs on schedules; announcements at their instant. */
export const MAINTENANCE_QUEUE = 'ehk-maintenance'
