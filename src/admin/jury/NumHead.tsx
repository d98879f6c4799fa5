import type { ReactNode } from 'react'

/** A column header over numbers (right-aligned, as the numbers below it). */
export function NumHead({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="ehk-num">
      {children}
    </th>
  )
}
