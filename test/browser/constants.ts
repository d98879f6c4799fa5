/** Where Vitest serves the test pages: the "partner site" origin the API allows. */
export const BROWSER_PORT = 63315
export const BROWSER_ORIGIN = `http://127.0.0.1:${BROWSER_PORT}`
/** The server's clock during the widget tests: the 2027 application window is open. */
export const OPEN_NOW = '2027-02-01T12:00:00Z'
export const DEADLINE = '2027-04-14T21:59:59.000Z'
