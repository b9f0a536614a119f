import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import {
  validateCronSchedule,
  validateDnsLabel,
  validateImageCacheSize,
  validateImageList,
  validateRetentionDays,
} from '@eci-portal/plugin-eci-image-cache-common';
import { fieldApiHolder } from '../../__testUtils__/fieldApiHolder';
import { clustersHandler, setupTestServer } from '../../__testUtils__/server';
import { validateClusterPick } from '../clusterPicker/validateClusterPick';
import { imageLines } from '../imagesField/imageLines';
import { validateImages } from '../imagesField/validateImages';
import { TextRule } from '../validatedText/rules';
import { validateText } from '../validatedText/validateText';

const server = setupTestServer();

const apiHolder = fieldApiHolder();

/** Runs a field validator as the scaffolder does when a step is submitted; returns its errors. */
async function errorsOf<T>(
  validator: (
    value: T,
    validation: ReturnType<typeof createFieldValidation>,
    context: any,
  ) => void | Promise<void>,
  value: T,
  title: string,
  uiOptions: Record<string, string> = {},
): Promise<string[]> {
  const validation = createFieldValidation();
  await validator(value, validation, {
    apiHolder,
    formData: {},
    schema: { title },
    uiSchema: { 'ui:options': uiOptions },
  });
  return validation.__errors ?? [];
}

const textErrors = (rule: TextRule, value: string, title: string) =>
  errorsOf(validateText, value, title, { rule });

describe('EciValidatedText validation', () => {
  it.each<[TextRule, string, string, string]>([
    [
      'name',
      'Name',
      'Checkout_Svc',
      '"Checkout_Svc" is not a DNS-1123 label',
    ],
    [
      'cacheSize',
      'Cache size (GiB)',
      '10',
      '"10" is below the minimum 20 GiB',
    ],
    [
      'cacheSize',
      'Cache size (GiB)',
      'big',
      '"big" is not a whole number written in plain decimal digits',
    ],
    [
      'retentionDays',
      'Retention (days)',
      '0',
      '"0" is below the minimum 1 day',
    ],
    [
      'cronSchedule',
      'Schedule',
      '0 2 * *',
      '"0 2 * *" is not a cron schedule',
    ],
  ])(
    '%s: refuses a bad value with a sentence that leaves the label to the form',
    async (rule, title, value, start) => {
      const errors = await textErrors(rule, value, title);
      expect(errors).toHaveLength(1);
      expect(errors[0].slice(0, start.length)).toBe(start);
      expect(errors[0]).not.toContain(title);
      // The user's words: no backticks, no internal field path.
      expect(errors[0]).not.toContain('`');
    },
  );

  it.each<[TextRule, string]>([
    ['name', 'checkout-svc'],
    ['cacheSize', '40'],
    ['retentionDays', '7'],
    ['cronSchedule', '0 2 * * *'],
    ['cronSchedule', '@daily'],
  ])('%s: accepts %s', async (rule, value) => {
    expect(await textErrors(rule, value, 'Field')).toEqual([]);
  });

  it('leaves an empty value to the required check', async () => {
    expect(await textErrors('cacheSize', '', 'Cache size')).toEqual([]);
  });

  // The form calls the common rules: it agrees with them on every sample.
  it.each<[TextRule, (raw: unknown, field: string) => { ok: boolean }]>([
    ['name', validateDnsLabel],
    ['cacheSize', validateImageCacheSize],
    ['retentionDays', validateRetentionDays],
    ['cronSchedule', validateCronSchedule],
  ])('%s agrees with the common rule', async (rule, common) => {
    const samples = [
      'a',
      'svc-1',
      '-bad',
      'UPPER',
      '19',
      '20',
      '32768',
      '32769',
      '1',
      '65536',
      '65537',
      '1.5',
      ' 40',
      '*/5 * * * *',
      '@every 1h',
      '0 2 * * * *',
      'a'.repeat(64),
    ];
    for (const sample of samples) {
      const errors = await textErrors(rule, sample, 'Field');
      expect([sample, errors.length === 0]).toEqual([
        sample,
        common(sample, 'Field').ok,
      ]);
    }
  });
});

describe('EciImages validation', () => {
  it('reads one image per line and ignores blank lines', () => {
    expect(imageLines(' nginx:1.27 \n\n  redis:7\n')).toEqual([
      'nginx:1.27',
      'redis:7',
    ]);
  });

  it('refuses an image that is not an image reference, leaving the label to the form', async () => {
    const errors = await errorsOf(
      validateImages,
      ['nginx:1.27', 'Not An Image'],
      'Images',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^"Not An Image" /);
  });

  it('refuses the same image twice', async () => {
    const errors = await errorsOf(
      validateImages,
      ['nginx:1.27', 'docker.io/library/nginx:1.27'],
      'Images',
    );
    expect(errors).toEqual([
      expect.stringMatching(/is the same image as "nginx:1.27"/),
    ]);
  });

  it('refuses more images than a cache holds', async () => {
    const images = Array.from({ length: 21 }, (_, i) => `app${i}:1.0`);
    expect(await errorsOf(validateImages, images, 'Images')).toEqual([
      expect.stringMatching(/an image cache holds at most 20/),
    ]);
  });

  it('agrees with the common rule', async () => {
    for (const images of [
      ['nginx:1.27'],
      ['nginx:1.27', 'nginx:1.27'],
      ['UPPER/case:1'],
      [`registry.example.com:5000/team/app@sha256:${'a'.repeat(64)}`],
    ]) {
      const errors = await errorsOf(validateImages, images, 'Images');
      expect(errors.length === 0).toBe(validateImageList(images).ok);
    }
  });
});

describe('EciClusterPicker validation', () => {
  it('accepts a configured cluster and refuses another one, listing the configured ones', async () => {
    server.use(clustersHandler);
    expect(
      await errorsOf(validateClusterPick, 'ack-shanghai', 'Cluster'),
    ).toEqual([]);
    expect(
      await errorsOf(validateClusterPick, 'walk-cluster', 'Cluster'),
    ).toEqual([
      '"walk-cluster" is not a configured cluster (configured: ack-hangzhou, ack-shanghai).',
    ]);
  });
});
