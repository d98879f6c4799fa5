import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentSecurityPolicy, SECURITY_HEADERS } from './src/config/csp'

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
    {
      // Partner sites load the widgets as a module script from another origin: that needs CORS.
      // The stable name is revalidated within minutes; the content-hashed copy never changes.
      source: '/widgets/:file*',
      headers: [
        { key: 'Access-Control-Allow-Origin', value: '*' },
        { key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' },
        { key: 'Cache-Control', value: 'public, max-age=300, stale-while-revalidate=86400' },
      ],
    },
    {
      // Named by their content: the hashed copy of the entry, and every chunk it loads.
      source: '/widgets/:file(ehk\\.[0-9a-f]{10}\\.js|ehk-[\\w-]+-[\\w-]{8}\\.js)',
      headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
    },
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
