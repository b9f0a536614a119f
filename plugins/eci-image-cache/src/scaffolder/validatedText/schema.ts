import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { TEXT_RULES, TextRule } from './rules';

/** `EciValidatedText`: a text held to one of the common package's rules in the form. */
export const EciValidatedTextFieldSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z =>
    z.object({
      rule: z
        .enum(TEXT_RULES as [TextRule, ...TextRule[]])
        .describe(
          'The rule: name (DNS-1123 label), cacheSize (GiB), retentionDays or cronSchedule.',
        ),
    }),
});

export type EciValidatedTextProps = typeof EciValidatedTextFieldSchema.TProps;

export type EciValidatedTextUiOptions = NonNullable<
  EciValidatedTextProps['uiSchema']['ui:options']
>;
