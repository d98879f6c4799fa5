// How every test and script here launches a browser: Debian's Chromium, never a downloaded one
// (CHROMIUM_PATH overrides the path on other systems), without background network traffic.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
