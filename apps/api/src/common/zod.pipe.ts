import { Body, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';
import { formatIssues } from '@hubpulse/contracts';
import { InvalidInputError } from './errors';

/** Parses `value` or throws a 400 naming each bad field (`prefix.field: why`). */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInputError(formatIssues(r.error.issues, prefix));
  return r.data;
}

/**
 * The one validation pipe: request input in, the schema's output out, or a 400 naming each bad
 * field. Controllers take its typed result; services never see a raw body, query or parameter.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    readonly schema: S,
    private readonly prefix = '',
  ) {}

  transform(value: unknown): z.output<S> {
    return parseOr400(this.schema, value, this.prefix);
  }
}

/** The schema as an OpenAPI 3.0 schema object; a recursive schema (a segment rule) is documented as an object. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any', cycles: 'throw' }) as Record<string, unknown>;
    return json;
  } catch {
    return { type: 'object' };
  }
}

/** The JSON body, validated by `schema` and documented in OpenAPI from it (unless the route has its own @ApiBody). */
export function ZodBody(schema: z.ZodType, prefix = ''): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema, prefix))(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) ApiBody({ schema: openApiSchema(schema) })(target, key, descriptor);
  };
}

/** The query string, validated by `schema` (each route documents its parameters with @ApiQuery). */
export const ZodQuery = (schema: z.ZodType, prefix = ''): ParameterDecorator => Query(new ZodPipe(schema, prefix));

/** One route parameter, validated by `schema`; errors name it (`period: …`). */
export const ZodParam = (name: string, schema: z.ZodType, prefix = name): ParameterDecorator => Param(name, new ZodPipe(schema, prefix));
