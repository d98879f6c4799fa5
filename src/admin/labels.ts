import type { ApplicationWindow } from '../domain/lifecycle.js'
import type { Message } from '../domain/text.js'

export const WINDOW_LABELS: Record<ApplicationWindow, Message> = {
  'not-open': { sv: 'Inte öppen än', en: 'Not open yet' },
  open: { sv: 'Öppen', en: 'Open' },
  closed: { sv: 'Stängd', en: 'Closed' },
}
