import type { ServerProps } from 'payload'
import { adminLang } from '../context.js'
import { juryTexts } from './texts.js'

/** "Juryarbete" in the admin's navigation, for everyone with a login (jurors find their work list there). */
export function JuryNavLink({ i18n, user }: ServerProps) {
  if (!user) return null
  return (
    <a className="nav__link" href="/admin/jury" id="nav-ehk-jury">
      <span className="nav__link-label">{juryTexts(adminLang(i18n)).navLink}</span>
    </a>
  )
}
