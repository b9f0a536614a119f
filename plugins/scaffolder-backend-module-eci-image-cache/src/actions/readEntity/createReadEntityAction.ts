import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { validateEntityRef } from '@eci-portal/plugin-eci-image-cache-common';
import { parseInputWithoutNulls } from '../../validation/parseInput';
import { problemsError } from '../../validation/problemsError';
import { withoutStackTrace } from '../../validation/withoutStackTrace';
import { zodObject } from '../../validation/zodObject';
import { readEntityExamples } from './readEntityExamples';
import { readEntityInput, readEntityOutput } from './readEntitySchema';

const inputSchema = zodObject(readEntityInput);

/**
 * `eci:catalog:read`: reads the catalog entity a form field chose, with the initiator's
 * credentials. A ref that is not an entity ref, or an entity the catalog does not list (or does
 * not show the initiator), is bad input naming the form field, without a stack trace in the log.
 *
 * @public
 */
export function createReadEntityAction(options: { catalog: CatalogService }) {
  return createTemplateAction({
    id: 'eci:catalog:read',
    description:
      'Reads a catalog entity chosen in the form; an entity the catalog does not list fails the step with the form field named.',
    examples: readEntityExamples,
    supportsDryRun: true,
    schema: { input: readEntityInput, output: readEntityOutput },
    async handler(ctx) {
      const input = parseInputWithoutNulls(inputSchema, ctx.input);
      const field = input.field ?? 'entityRef';
      const ref = validateEntityRef(input.entityRef, field);
      if (!ref.ok) {
        throw withoutStackTrace(problemsError('', ref.problems));
      }
      const entity = await options.catalog.getEntityByRef(ref.value, {
        credentials: await ctx.getInitiatorCredentials(),
      });
      if (!entity) {
        throw withoutStackTrace(
          new InputError(
            `Invalid input: \`${field}\`: ${ref.value} is not in the catalog; choose an entity the catalog lists.`,
          ),
        );
      }
      ctx.output('entity', entity as unknown as Record<string, unknown>);
    },
  });
}
