import { expect, Page } from '@playwright/test';

/** The demo services in packages/backend/examples, by name. */
export const demoServices = [
  'ml-trainer',
  'hello-whalesay',
  'etl-runner',
  'pytorch-inference',
  'docs-site',
];

/**
 * Opens the portal and signs in with the guest provider
 * (user:default/guest, a member of platform-team).
 */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The dev server may still be compiling the app on the first visit.
  await expect(enter).toBeVisible({ timeout: 120_000 });
  await enter.click();
  await expect(enter).toBeHidden();
}

/**
 * Shows the Image Cache tab of a demo Component (navigating there when the page is elsewhere)
 * and waits until its content replaced the loading placeholders.
 */
export async function openImageCacheTab(page: Page, name: string) {
  const path = `/catalog/default/component/${name}/image-cache`;
  if (!page.url().endsWith(path)) {
    await page.goto(path);
  }
  await expect(
    page
      .getByRole('navigation', { name: 'Content navigation' })
      .getByRole('link', { name: 'Image Cache' }),
  ).toBeVisible();
  await expect(page.getByLabel('Loading image caches')).toBeHidden();
}
