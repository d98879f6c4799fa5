// s3rver ships no types: what the storage test uses of it.
declare module 's3rver' {
  export default class S3rver {
    constructor(options: { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: Array<{ name: string; configs: Array<string | Buffer> }> })
    run(): Promise<{ address: string; port: number }>
    close(): Promise<void>
  }
}
