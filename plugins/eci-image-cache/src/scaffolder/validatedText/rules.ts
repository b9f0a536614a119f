import {
  validateCronSchedule,
  validateDnsLabel,
  validateImageCacheSize,
  validateRetentionDays,
} from '@eci-portal/plugin-eci-image-cache-common';
import { userProblems } from '../common/userProblems';

/**
 * The common package's rules a text field can be held to, by the name templates use in
 * `ui:options.rule`.
 */
const RULES = {
  name: validateDnsLabel,
  cacheSize: validateImageCacheSize,
  retentionDays: validateRetentionDays,
  cronSchedule: validateCronSchedule,
} as const;

/** A rule of {@link RULES}. */
export type TextRule = keyof typeof RULES;

export const TEXT_RULES = Object.keys(RULES) as TextRule[];

/** What is wrong with a non-empty value under the rule, in sentences naming the field by its label. */
export function textProblems(
  rule: TextRule,
  value: string,
  label: string,
): string[] {
  return userProblems(RULES[rule](value, label), label);
}
