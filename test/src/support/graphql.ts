// Speaks GraphQL over HTTP as a client would: POST JSON, with a bearer token or a cookie.
export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
  raw: string;
}

export class GraphQLClient {
  constructor(
    readonly origin: string,
    private readonly auth: { token?: string; cookie?: string } = {},
  ) {}

  withToken(token: string) {
    return new GraphQLClient(this.origin, { token });
  }

  withCookie(cookie: string) {
    return new GraphQLClient(this.origin, { cookie });
  }

  /** The same session, against another server (sessions live in the database, not the process). */
  at(origin: string) {
    return new GraphQLClient(origin, this.auth);
  }

  /** The headers that carry this client's session. */
  authHeaders(): Record<string, string> {
    return {
      ...(this.auth.token ? { authorization: `Bearer ${this.auth.token}` } : {}),
      ...(this.auth.cookie ? { cookie: this.auth.cookie } : {}),
    };
  }

  async request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...this.authHeaders() };
    const response = await fetch(`${this.origin}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const raw = await response.text();
    const body = JSON.parse(raw) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status: response.status, headers: response.headers, raw, ...body };
  }
}
