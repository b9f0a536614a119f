import { expect, test } from '@playwright/test';
import { demoServices, signInAsGuest } from './portal';

test('the catalog lists every demo service', async ({ page }, testInfo) => {
  await signInAsGuest(page, '/catalog');

  // The catalog starts on the services the user owns; show all of them.
  await page.getByRole('menuitem', { name: /^All/ }).click();

  const table = page.getByRole('table');
  for (const name of demoServices) {
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({
    path: testInfo.outputPath('catalog.png'),
    fullPage: true,
  });
});
