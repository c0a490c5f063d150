/**
 * Compile-time checks of `ClientOptions<S>`: a generated client declares the schemes its provider
 * offers, so a scheme it lacks is a type error. Compiled by client-options.test.ts (and `npm run
 * typecheck`), never run; an `@ts-expect-error` that stops erring fails the compile.
 */
import { ApiClient, type ClientOptions } from '../../templates/runtime/index.ts';
import { jwtSession } from '../../templates/runtime/jwt.ts';

/** What a generated Basic-only client declares. */
class BasicOnlyClient extends ApiClient {
  constructor(options?: ClientOptions<'basic'>) {
    super(options, { baseUrl: 'https://basic.example.test/api', envPrefix: 'BASIC_ONLY', authSchemes: ['basic'] });
  }
}

/** What a generated client of a provider offering Basic and JWT declares. */
class BasicAndJwtClient extends ApiClient {
  constructor(options?: ClientOptions<'basic' | 'jwt'>) {
    super(options, { baseUrl: 'https://both.example.test/api', envPrefix: 'BOTH', authSchemes: ['basic', 'jwt'], jwtSession });
  }
}

export function basicOnly(): ApiClient[] {
  return [
    new BasicOnlyClient(),
    new BasicOnlyClient({ auth: { username: 'u', password: 'p' } }),
    new BasicOnlyClient({ auth: { username: 'u', password: 'p', scheme: 'basic' } }),
    new BasicOnlyClient({ auth: { token: 't' } }),
    new BasicOnlyClient({ maxResponseBytes: 1024, maxRedirects: 3, allowCrossOriginRedirects: true }),
    // @ts-expect-error: the provider offers no JWT sign-in
    new BasicOnlyClient({ auth: { username: 'u', password: 'p', scheme: 'jwt' } }),
  ];
}

export function basicAndJwt(): ApiClient[] {
  return [
    new BasicAndJwtClient({ auth: { username: 'u', password: 'p', scheme: 'jwt' } }),
    new BasicAndJwtClient({ auth: { username: 'u', password: 'p', scheme: 'basic' } }),
    // @ts-expect-error: not a scheme at all
    new BasicAndJwtClient({ auth: { username: 'u', password: 'p', scheme: 'oauth' } }),
  ];
}

export const jwtOnly: ClientOptions<'jwt'> = { auth: { username: 'u', password: 'p', scheme: 'jwt' } };
// @ts-expect-error: a JWT-only provider offers no Basic auth
export const jwtOnlyWithBasic: ClientOptions<'jwt'> = { auth: { username: 'u', password: 'p', scheme: 'basic' } };
