import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentSecurityPolicy, HASHED_WIDGET_CACHE, HASHED_WIDGET_FILE, SECURITY_HEADERS, WIDGET_HEADERS } from './src/config/headers.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // Our sources import with ".js" endings (ESM style); let webpack find the .ts files behind them.
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
  turbopack: { root: path.resolve(dirname) },
  // `npm run typecheck` checks every file (npm test runs it beside the build): the build need not check them again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // The static pages in public/: the demo partner page and the page the edit link opens.
  rewrites: async () => [
    { source: '/demo', destination: '/demo/index.html' },
    { source: '/ansokan', destination: '/ansokan/index.html' },
    { source: '/forhandsvisning', destination: '/forhandsvisning/index.html' },
  ],
  headers: async () => [
    { source: '/:path*', headers: SECURITY_HEADERS },
    {
      // The admin gets its own policy, with a nonce per request, from src/proxy.ts.
      source: '/:path((?!admin).*)',
      headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy() }],
    },
    { source: '/widgets/:file*', headers: WIDGET_HEADERS },
    // Named by their content: the hashed copy of the entry, and every chunk it loads.
    { source: `/widgets/:file(${HASHED_WIDGET_FILE.source.slice(2, -2)})`, headers: [{ key: 'Cache-Control', value: HASHED_WIDGET_CACHE }] },
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
