import { Agent, request } from 'node:http';

/** A small keep-alive JSON client for the public API, light enough to run beside the service. */
export class ApiClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly url: URL;

  constructor(baseUrl: string) {
    this.url = new URL(baseUrl);
  }

  send<T = unknown>(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          method,
          agent: this.agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') as T }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async token(sub: string, role: string, service?: string): Promise<string> {
    const answer = await this.send<{ token: string }>('POST', '/api/auth/dev-token', undefined, service ? { sub, role, service } : { sub, role });
    if (answer.status !== 200) throw new Error(`cannot sign in as ${role}: ${answer.status} (is AUTH_MODE=dev?)`);
    return answer.body.token;
  }

  close(): void {
    this.agent.destroy();
  }
}
