import ipaddr from 'ipaddr.js'
import type { PayloadRequest } from 'payload'
import { SOCKET_ADDRESS_HEADER } from '../config/deployment.js'
import type { ClientLimits } from '../defaults.js'
import { UNKNOWN_CLIENT } from './rateLimit.js'

/**
 * Who is asking, as far as the network can tell: the key that rate limits count by.
 *
 * With no reverse proxy (`proxyHops` 0) it is the address of the socket, which the start script
 * (server.mjs) stamps on every request; X-Forwarded-For is then ignored, because any client can
 * write it. Behind N trusted proxies that each append the address they received from, it is the Nth
 * entry from the right of the chain X-Forwarded-For + socket: the entries further left are the
 * client's own claims. IPv6 clients are counted by their /64 network, which one subscriber usually
 * holds whole; IPv4-mapped IPv6 addresses count as the IPv4 address.
 *
 * Undefined when the request did not come through the start script (e.g. a plain `next start`):
 * the caller then cannot tell clients apart and must say so.
 */
export function clientAddress(headers: Headers, proxyHops: number): string | undefined {
  const socket = headers.get(SOCKET_ADDRESS_HEADER)
  if (!socket) return undefined
  if (proxyHops === 0) return bucket(socket)
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  const chain = [...forwarded, socket]
  // Fewer entries than proxies: the request skipped a proxy; the leftmost address is all there is.
  return bucket(chain[chain.length - 1 - proxyHops] ?? chain[0]!)
}

/** An address as rate limits count it: IPv4 as it is, IPv6 by its /64; anything else as written, cut short. */
export function bucket(raw: string): string {
  const address = stripPort(raw)
  if (!ipaddr.isValid(address)) return `other:${raw.slice(0, 64)}`
  const parsed = ipaddr.process(address)
  if (parsed.kind() === 'ipv4') return parsed.toString()
  const parts = (parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4)
  return `${parts.join(':')}::/64`
}

/** "203.0.113.7:51234" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1"; a bare address is kept. */
function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed) return bracketed[1]!
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)
  return v4 ? v4[1]! : address
}

let warned = false

/**
 * The client's key for rate limits: its address, or one shared key when the app was started
 * without server.mjs and cannot tell clients apart (then every such client shares one budget,
 * which a forged header cannot escape; the log says how to fix it).
 */
export function clientKey(req: PayloadRequest, clients: ClientLimits): string {
  const address = clientAddress(req.headers, clients.proxyHops)
  if (address !== undefined) return address
  if (!warned) {
    warned = true
    req.payload.logger.error('ehk: klientens adress är okänd: starta appen med `npm start` (server.mjs) / the client address is unknown: start the app with `npm start` (server.mjs).')
  }
  return UNKNOWN_CLIENT
}
