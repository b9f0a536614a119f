import { validateImageList } from '@eci-portal/plugin-eci-image-cache-common';
import { userProblems } from '../common/userProblems';

/** The images of the text area: one per line, blank lines ignored. */
export function imageLines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '');
}

/** What is wrong with the images (common rule: 1–20 distinct image references), by the field's label. */
export function imageProblems(images: readonly string[], label: string) {
  return userProblems(validateImageList([...images], label), label);
}
