import request from 'supertest';

/** Signs in through the real login route and returns the session cookie (`name=value`) to send back. */
export async function signIn(http: Parameters<typeof request>[0], email: string, password: string): Promise<string> {
  const res = await request(http).post('/api/auth/login').send({ email, password }).expect(200);
  return (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
}
