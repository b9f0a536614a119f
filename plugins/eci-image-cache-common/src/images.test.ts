import { problemsOf, valueOf } from './__testUtils__/results';
import { HOSTILE_VALUES } from './__testUtils__/hostile';
import {
  diffImageSets,
  imageComparisonKey,
  imageSetKey,
  normalizeImageReference,
  parseImageReference,
  validateImageList,
  validateRegistryHost,
} from './images';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    [
      'nginx',
      'docker.io',
      'library/nginx',
      'docker.io/library/nginx:latest',
      true,
    ],
    [
      'nginx:latest',
      'docker.io',
      'library/nginx',
      'docker.io/library/nginx:latest',
      true,
    ],
    [
      'nginx:1.25',
      'docker.io',
      'library/nginx',
      'docker.io/library/nginx:1.25',
      false,
    ],
    [
      'docker/whalesay',
      'docker.io',
      'docker/whalesay',
      'docker.io/docker/whalesay:latest',
      true,
    ],
    [
      'docker.io/nginx:1.25',
      'docker.io',
      'library/nginx',
      'docker.io/library/nginx:1.25',
      false,
    ],
    [
      'index.docker.io/library/nginx:1.25',
      'docker.io',
      'library/nginx',
      'docker.io/library/nginx:1.25',
      false,
    ],
    [
      'Docker.IO/library/nginx:1.25',
      'docker.io',
      'library/nginx',
      'docker.io/library/nginx:1.25',
      false,
    ],
    ['localhost/app:v1', 'localhost', 'app', 'localhost/app:v1', false],
    [
      'localhost:5000/team/app:v1',
      'localhost:5000',
      'team/app',
      'localhost:5000/team/app:v1',
      false,
    ],
    [
      'localhost:5000',
      'docker.io',
      'library/localhost',
      'docker.io/library/localhost:5000',
      false,
    ],
    [
      '10.0.0.1:5000/app',
      '10.0.0.1:5000',
      'app',
      '10.0.0.1:5000/app:latest',
      true,
    ],
    [
      'Registry.Example.com/a/b/c:v1',
      'registry.example.com',
      'a/b/c',
      'registry.example.com/a/b/c:v1',
      false,
    ],
    [
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay',
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com',
      'workflow/whalesay',
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay:latest',
      true,
    ],
    [
      `nginx@${DIGEST}`,
      'docker.io',
      'library/nginx',
      `docker.io/library/nginx@${DIGEST}`,
      false,
    ],
    [
      `nginx:latest@${DIGEST}`,
      'docker.io',
      'library/nginx',
      `docker.io/library/nginx:latest@${DIGEST}`,
      false,
    ],
    [
      'a/b__c/d-e.f_g:T_ag.1-x',
      'docker.io',
      'a/b__c/d-e.f_g',
      'docker.io/a/b__c/d-e.f_g:T_ag.1-x',
      false,
    ],
    [
      'a---b',
      'docker.io',
      'library/a---b',
      'docker.io/library/a---b:latest',
      true,
    ],
    [
      `x:${'t'.repeat(128)}`,
      'docker.io',
      'library/x',
      `docker.io/library/x:${'t'.repeat(128)}`,
      false,
    ],
  ])('parses %p', (raw, registry, repository, normalized, floating) => {
    const result = parseImageReference(raw);
    expect(valueOf(result)).toMatchObject({
      original: raw,
      registry,
      repository,
      normalized,
      floating,
    });
    expect(result.warnings.map(w => w.rule)).toEqual(
      floating ? ['floating-tag'] : [],
    );
  });

  it('keeps tag and digest as written', () => {
    const result = parseImageReference(`r.example.com/a:v1@${DIGEST}`);
    expect(result.ok && result.value.tag).toBe('v1');
    expect(result.ok && result.value.digest).toBe(DIGEST);
  });

  it('warns about floating tags with a message that explains exact matching', () => {
    const result = parseImageReference('nginx', 'alibabacloud.com/eci-images');
    expect(result.warnings[0].message).toBe(
      '`alibabacloud.com/eci-images`: "nginx" uses a floating tag (no tag, so "latest"); ECI matches caches by exact name:tag, so a new push under the same tag is not in the cache. Pin a version tag or a digest',
    );
  });

  it.each([
    ['Nginx', 'image-path'],
    ['nginx/', 'image-path'],
    ['/nginx', 'image-path'],
    ['a//b', 'image-path'],
    ['a_-b', 'image-path'],
    ['a___b', 'image-path'],
    ['.a', 'image-path'],
    ['a.', 'image-path'],
    ['nginx:', 'image-tag'],
    ['nginx:.v1', 'image-tag'],
    ['nginx:-v1', 'image-tag'],
    [`nginx:${'t'.repeat(129)}`, 'image-tag'],
    ['nginx:v1:v2', 'image-path'],
    ['nginx@sha256:abc', 'image-digest'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'image-digest'],
    [`nginx@md5:${'a'.repeat(32)}`, 'image-digest'],
    [`nginx@${DIGEST}@${DIGEST}`, 'image-digest'],
    ['-registry.example.com/a', 'image-registry'],
    ['registry-.example.com/a', 'image-registry'],
    ['registry..example.com/a', 'image-registry'],
    ['registry.example.com:/a', 'image-registry'],
    ['registry.example.com:99999/a', 'image-registry'],
    ['registry.example.com:12a/a', 'image-registry'],
    ['reg_istry.example.com/a', 'image-registry'],
    ['[::1]:5000/a', 'image-registry'],
    [`${'a'.repeat(250)}/bcdef`, 'max-length'],
    ['nginx latest', 'image-reference'],
    ['dоcker.io/library/nginx:1.25', 'image-reference'],
    ['docker.io/ngіnx:1.25', 'image-reference'],
    ['nginx\u200b:1.25', 'image-reference'],
    ['x'.repeat(513), 'max-length'],
    ['', 'required'],
    [42, 'type'],
  ])('rejects %p (%s)', (raw, rule) => {
    const [problem] = problemsOf(
      parseImageReference(raw, 'alibabacloud.com/eci-images'),
    );
    expect(problem.rule).toBe(rule);
    expect(problem.field).toBe('alibabacloud.com/eci-images');
    expect(problem.message).toMatch(/^[\x20-\x7e]+$/);
  });

  it('quotes look-alike characters visibly in the message', () => {
    const result = parseImageReference('dоcker.io/nginx', 'images');
    expect(!result.ok && result.problems[0].value).toBe(
      '"d\\u{043E}cker.io/nginx"',
    );
  });

  it.each(HOSTILE_VALUES)('rejects hostile value: %s', (_, raw) => {
    expect(parseImageReference(raw).ok).toBe(false);
    expect(parseImageReference(`nginx:${raw}`).ok).toBe(false);
    expect(parseImageReference(`${raw}/nginx:1.0`).ok).toBe(false);
  });
});

describe('normalizeImageReference', () => {
  it('normalises for comparison and rejects invalid references', () => {
    expect(normalizeImageReference('nginx')).toBe(
      'docker.io/library/nginx:latest',
    );
    expect(normalizeImageReference('NGINX')).toBeUndefined();
  });
});

describe('validateRegistryHost', () => {
  it.each([
    ['registry.example.com', true],
    ['Registry.Example.com:5000', true],
    ['localhost', true],
    ['a_b.com', false],
    ['a.com:70000', false],
    ['a.com/x', false],
    ['', false],
  ])('%p → %p', (raw, ok) => {
    expect(validateRegistryHost(raw).ok).toBe(ok);
  });

  it('lowercases the host', () => {
    expect(validateRegistryHost('R.Example.COM')).toEqual({
      ok: true,
      value: 'r.example.com',
      warnings: [],
    });
  });
});

describe('validateImageList', () => {
  it('parses a comma-separated annotation value, trimming spaces around entries', () => {
    const result = validateImageList(
      `nginx:1.25, docker/whalesay ,redis@${DIGEST}`,
    );
    expect(valueOf(result).map(image => image.original)).toEqual([
      'nginx:1.25',
      'docker/whalesay',
      `redis@${DIGEST}`,
    ]);
    expect(result.warnings.map(w => w.value)).toEqual(['"docker/whalesay"']);
  });

  it('accepts exactly 20 images and rejects 21', () => {
    const images = Array.from({ length: 21 }, (_, i) => `app${i}:v1`);
    expect(validateImageList(images.slice(0, 20)).ok).toBe(true);
    const result = validateImageList(
      images.join(','),
      'alibabacloud.com/eci-images',
    );
    expect(!result.ok && result.problems[0].rule).toBe('max-items');
    expect(!result.ok && result.problems[0].message).toMatch(
      /names 21 images; an image cache holds at most 20$/,
    );
  });

  it.each([
    ['nginx,docker.io/library/nginx:latest', 'duplicate'],
    ['nginx:1.25,index.docker.io/library/nginx:1.25', 'duplicate'],
    ['nginx,,redis', 'empty-entry'],
    ['nginx,', 'empty-entry'],
    [',', 'empty-entry'],
    ['', 'required'],
    [[], 'min-items'],
    [undefined, 'required'],
    [{ image: 'nginx' }, 'type'],
    [['nginx', 5], 'type'],
    [' nginx\n,redis', 'image-reference'],
  ])('rejects %p (%s)', (raw, rule) => {
    const result = validateImageList(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(p => p.rule)).toContain(rule);
  });

  it('names both spellings of a duplicate', () => {
    const result = validateImageList('nginx,docker.io/library/nginx:latest');
    expect(!result.ok && result.problems[0].message).toBe(
      '`images`: "docker.io/library/nginx:latest" is the same image as "nginx" (both are docker.io/library/nginx:latest)',
    );
  });

  it('reports every bad entry, not only the first', () => {
    const result = validateImageList('Bad,nginx:-x,ok:1');
    expect(!result.ok && result.problems.map(p => p.rule)).toEqual([
      'image-path',
      'image-tag',
    ]);
  });

  it('does not trim entries of a list', () => {
    expect(validateImageList([' nginx:1']).ok).toBe(false);
  });
});

describe('image sets', () => {
  it('compares normalised names exactly and independent of order', () => {
    expect(imageSetKey(['nginx', 'redis:7'])).toBe(
      imageSetKey(['docker.io/library/redis:7', 'nginx:latest']),
    );
    expect(imageSetKey(['nginx'])).not.toBe(imageSetKey(['nginx:1.25']));
    expect(
      diffImageSets(
        ['nginx', 'redis:7'],
        ['docker.io/library/nginx:latest', 'redis:7'],
      ),
    ).toEqual({
      matches: true,
      missing: [],
      extra: [],
    });
    expect(
      diffImageSets(
        ['nginx:1.24', 'busybox'],
        ['nginx:1.25', 'busybox:latest'],
      ),
    ).toEqual({
      matches: false,
      missing: ['nginx:1.25'],
      extra: ['nginx:1.24'],
    });
  });

  it('compares unparseable entries by their raw text', () => {
    expect(diffImageSets(['Not Valid'], ['Not Valid']).matches).toBe(true);
    expect(diffImageSets(['Not Valid'], ['not valid']).matches).toBe(false);
  });
});

describe('imageComparisonKey', () => {
  it('is the normalised reference, or the text when it is not one, the same on every call', () => {
    expect(imageComparisonKey('nginx:1.25')).toBe(
      'docker.io/library/nginx:1.25',
    );
    expect(imageComparisonKey('nginx:1.25')).toBe(
      'docker.io/library/nginx:1.25',
    );
    expect(imageComparisonKey('Not An Image')).toBe('Not An Image');
    expect(
      diffImageSets(['docker.io/library/nginx:1.25'], ['nginx:1.25']).matches,
    ).toBe(true);
  });
});
