// The bundle partner sites load with one script tag: defines all three widgets.
export { EhkApplicationForm } from './application-form/application-form.js'
export { EhkCountdown } from './countdown/countdown.js'
export { EhkWinners } from './winners/winners.js'
