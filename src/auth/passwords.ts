import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'
import { type Violation, violation } from '../domain/text.js'

export const PASSWORD_MIN_LENGTH = 12
/** zxcvbn's score: 3 is "safely unguessable" against an online attack and slows an offline one. */
const MIN_SCORE = 3

// Common passwords, names and words, and keyboard patterns; nothing leaves the machine.
let strength: ZxcvbnFactory | undefined
const estimator = () => (strength ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }))

/** Words an attacker would try first against this site and this person. */
const SITE_WORDS = ['ehalsokommun', 'ehälsokommun', 'vitalis', 'kommun', 'sverige', 'payload', 'admin']

/**
 * What is wrong with a new password, if anything: at least 12 characters (counted as code points,
 * so that emoji count once), and not a common, breached-list or easily guessed password, nor one
 * made of the person's own e-mail address or name.
 */
export function checkPassword(password: unknown, person: { email?: unknown; name?: unknown } = {}): Violation | null {
  if (typeof password !== 'string' || [...password].length < PASSWORD_MIN_LENGTH) {
    return violation(
      'password.length',
      'password',
      `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken. Använd gärna några ord i följd.`,
      `The password must have at least ${PASSWORD_MIN_LENGTH} characters. A few words in a row work well.`,
    )
  }
  // The whole of each, its parts, and its parts run together ("karinkarlsson").
  const personal = [person.email, person.name].filter((v): v is string => typeof v === 'string').flatMap((v) => [v, ...v.split(/[@.\s_-]+/), v.split('@')[0]!.replace(/[\s._-]+/g, '')])
  const { score } = estimator().check(password.slice(0, 256), [...SITE_WORDS, ...personal])
  if (score < MIN_SCORE) {
    return violation(
      'password.weak',
      'password',
      'Lösenordet är för lätt att gissa (vanligt, läckt eller byggt på ditt namn eller din e-post). Välj ett annat.',
      'The password is too easy to guess (common, leaked or built on your name or e-mail). Choose another.',
    )
  }
  return null
}
