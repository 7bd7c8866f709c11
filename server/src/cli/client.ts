import { CSRF_HEADER } from '../graphql/limits.ts';
import { CliError } from './errors.ts';

export interface GqlClient {
  url: string;
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  upload<T>(query: string, variables: Record<string, unknown>, file: { name: string; bytes: Uint8Array }): Promise<T>;
}

async function answer<T>(res: Response, url: string): Promise<T> {
  const text = await res.text();
  let json: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`${url} answered ${res.status} with something that is not GraphQL: ${text.slice(0, 200)}`);
  }
  if (json.errors?.length) {
    const e = json.errors[0]!;
    throw Object.assign(new Error(`${e.extensions?.code ? `${e.extensions.code}: ` : ''}${e.message}`), { code: e.extensions?.code, status: res.status });
  }
  return json.data as T;
}

export function createClient(url: string, token: string | null): GqlClient {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const send = async (init: RequestInit) => {
    try {
      return await fetch(url, init);
    } catch (e) {
      throw new CliError(`cannot reach copydesk at ${url} (${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}); is it running? (--url or COPYDESK_URL)`);
    }
  };
  return {
    url,
    async request<T>(query: string, variables: Record<string, unknown> = {}) {
      const res = await send({ method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables }) });
      return answer<T>(res, url);
    },
    async upload<T>(query: string, variables: Record<string, unknown>, file: { name: string; bytes: Uint8Array }) {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
      form.set('map', JSON.stringify({ 0: ['variables.file'] }));
      form.set('0', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
      const res = await send({ method: 'POST', headers: { [CSRF_HEADER]: '1', ...auth }, body: form });
      return answer<T>(res, url);
    },
  };
}
