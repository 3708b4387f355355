import { z } from 'zod';
import { InvalidInputError } from './errors';
import { openApiSchema, ZodPipe } from './zod.pipe';

/** The 400's message lines when `pipe` refuses `value`. */
function refusal(pipe: ZodPipe<z.ZodType>, value: unknown): string[] {
  let caught: unknown = null;
  try {
    pipe.transform(value);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(InvalidInputError);
  return ((caught as InvalidInputError).getResponse() as { message: string[] }).message;
}

describe('ZodPipe', () => {
  const schema = z.object({ n: z.coerce.number({ error: 'must be a number' }).default(5), q: z.string().max(3, 'too long').optional() });

  it("returns the schema's output (coerced, defaulted)", () => {
    expect(new ZodPipe(schema).transform({ n: '7' })).toEqual({ n: 7 });
    expect(new ZodPipe(schema).transform({})).toEqual({ n: 5 });
  });

  it('refuses with a 400 naming each bad field, under the prefix when given', () => {
    expect(refusal(new ZodPipe(schema), { n: 'x', q: 'abcd' })).toEqual(['n: must be a number', 'q: too long']);
    expect(refusal(new ZodPipe(z.string().min(2, 'too short'), 'period'), 'x')).toEqual(['period: too short']);
  });
});

describe('openApiSchema', () => {
  it('documents a schema as OpenAPI 3.0 and a recursive one as an object', () => {
    expect(openApiSchema(z.object({ a: z.string().nullable() }))).toEqual({
      type: 'object',
      properties: { a: { type: 'string', nullable: true } },
      required: ['a'],
    });
    type Node = { children: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ children: z.array(node) }));
    expect(openApiSchema(node)).toEqual({ type: 'object' });
  });
});
