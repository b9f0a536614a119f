import { expect, Locator, Page } from '@playwright/test';
import { keepScreenshot } from './consoleGuard';
import { signInAsGuest } from './portal';

/** Signs in and opens a template's form once the scaffolder lists the template. */
export async function openTemplate(page: Page, name: string) {
  await signInAsGuest(page, '/create');
  await page.locator(`a[href$="/catalog/default/template/${name}"]`).waitFor();
  await page.goto(`/create/templates/default/${name}`);
}

/** Types into an entity picker and chooses the catalog's option for it. */
export async function chooseEntity(
  page: Page,
  field: string | RegExp,
  text: string,
  option: RegExp,
) {
  const input = page.getByRole('textbox', { name: field });
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

/** Chooses an option of a select field (the button is named by the field's label and value). */
export async function selectOption(
  page: Page,
  field: RegExp,
  option: string | RegExp,
) {
  await page.getByRole('button', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Picks a radio option as a user does, by its label (the label covers the hidden input). */
export async function pick(page: Page, option: RegExp) {
  const radio = page.getByRole('radio', { name: option });
  await page.locator('label').filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

/** Clicks the button that submits the step and expects the field's error. */
export async function expectFieldError(
  page: Page,
  button: string,
  label: string,
  error: string,
) {
  await page.getByRole('button', { name: button }).click();
  // The form lists the error at the top, after the field's label, and under the field.
  await expect(
    page.getByText(`'${label}' ${error}`, { exact: true }),
  ).toBeVisible();
  await expect(page.getByText(error, { exact: true })).toBeVisible();
}

/**
 * Enters a value the form refuses, submits the step and expects the field's error, keeps a
 * screenshot of it, then enters the corrected value (the caller goes on from there).
 */
export async function refuseThenCorrect(
  page: Page,
  field: Locator,
  entry: {
    refused: string;
    /** The field's title in the template. */
    label: string;
    error: string;
    corrected: string;
    button: 'Next' | 'Review';
    screenshot: string;
  },
) {
  await field.fill(entry.refused);
  await expectFieldError(page, entry.button, entry.label, entry.error);
  await keepScreenshot(page, entry.screenshot);
  await field.fill(entry.corrected);
}

/**
 * On the Publish step of the existing-service template: replaces an earlier run's result, creates
 * the task and returns its output once the generated workflow is shown.
 */
export async function createReplacingEarlierResult(
  page: Page,
): Promise<Locator> {
  await page.getByLabel('Replace an earlier result').check();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const output = page.getByTestId('text-output-box');
  await expect(
    output.getByRole('heading', { name: 'Generated workflow' }),
  ).toBeVisible({ timeout: 120_000 });
  return output;
}
