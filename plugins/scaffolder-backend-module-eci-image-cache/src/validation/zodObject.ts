import { z } from 'zod/v3';

/** Key-value zod factories, the schema form `createTemplateAction` takes. */
export type ZodFields = Record<string, (zImpl: typeof z) => z.ZodTypeAny>;

/** The object schema `createTemplateAction` builds from key-value factories, for parsing in handlers. */
export function zodObject<T extends ZodFields>(
  fields: T,
): z.ZodObject<{ [K in keyof T]: ReturnType<T[K]> }> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, factory]) => [key, factory(z)]),
  ) as { [K in keyof T]: ReturnType<T[K]> };
  return z.object(shape).strict();
}
