import { expect, Page, test as base } from '@playwright/test';

/**
 * Console warnings and errors of this plugin's pages: React names the plugin's source in the
 * component stack, the plugin names itself in its own messages, and the scaffolder warns about
 * the templates' deprecated `enumNames`. Backstage's own pages print warnings of their own
 * (material-table, findDOMNode), which are not ours to fail on.
 */
const PLUGIN_MESSAGE =
  /eci-image-cache|EciImageCache|AcrInstancePicker|enumNames/;

/** Collects the page's console warnings and errors that come from the plugin. */
export function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', message => {
    if (message.type() !== 'warning' && message.type() !== 'error') {
      return;
    }
    const text = message.text();
    if (PLUGIN_MESSAGE.test(text) && !/Failed to load resource/.test(text)) {
      messages.push(`${message.type()}: ${text.slice(0, 300)}`);
    }
  });
  return messages;
}

/** A test whose page fails it on any new console warning or error. */
export const test = base.extend<{ consoleMessages: string[] }>({
  consoleMessages: [
    async ({ page }, use) => {
      const messages = watchConsole(page);
      await use(messages);
      expect(messages, 'new console warnings or errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** Saves a full-page screenshot under the test's output folder (kept as a CI artifact). */
export async function keepScreenshot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  test.info().annotations.push({ type: 'screenshot', description: path });
}

export { expect };
