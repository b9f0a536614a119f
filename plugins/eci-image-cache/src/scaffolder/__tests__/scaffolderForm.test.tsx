import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  Stepper,
  StepperProps,
} from '@backstage/plugin-scaffolder-react/alpha';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  cacheView,
  entityState,
  stateWithCaches,
} from '../../__testUtils__/fixtures';
import { clientApis, ENTITY_API } from '../../__testUtils__/renderTab';
import {
  acrInstancesResponse,
  clustersHandler,
  HANGZHOU_INSTANCE,
  SHANGHAI_INSTANCE,
  setupTestServer,
} from '../../__testUtils__/server';
import {
  acrInstancePickerField,
  eciImageCachePickerField,
  eciImagesField,
  eciValidatedTextField,
  withJsonSchema,
} from '../fieldDefinitions';

const server = setupTestServer();

// The stepper scrolls to the top of each step; jsdom has no layout.
beforeAll(() => {
  window.scrollTo = jest.fn();
});

/** Two pages like the scaffolder module's template: the service, then the fields that read it. */
const manifest = {
  title: 'Workflow',
  steps: [
    {
      title: 'Service',
      schema: {
        properties: { service: { type: 'string', title: 'Service' } },
      },
    },
    {
      title: 'Workflow',
      schema: {
        properties: {
          imageCacheId: {
            type: 'string',
            title: 'Pinned cache',
            'ui:field': 'EciImageCachePicker',
            'ui:options': { entityRefField: 'service' },
          },
          acrInstanceId: {
            type: 'string',
            title: 'ACR instance',
            'ui:field': 'AcrInstancePicker',
            'ui:options': { entityRefField: 'service' },
          },
        },
      },
    },
  ],
};

/** Enters the service on the first page and goes on to the fields. */
async function enterService(name: string) {
  await userEvent.click(
    await screen.findByRole('textbox', { name: 'Service' }),
  );
  await userEvent.paste(name);
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
}

async function renderForm(template: StepperProps['manifest'] = manifest) {
  const onCreate = jest.fn();
  await renderInTestApp(
    <Stepper
      manifest={template}
      extensions={[
        withJsonSchema(eciImageCachePickerField),
        withJsonSchema(acrInstancePickerField),
        withJsonSchema(eciValidatedTextField),
        withJsonSchema(eciImagesField),
      ]}
      onCreate={onCreate}
    />,
    { apis: [...clientApis()] },
  );
  return onCreate;
}

describe('the fields in the scaffolder form', () => {
  it('read the service from an earlier page, and return the chosen values on create', async () => {
    server.use(
      http.get(ENTITY_API, () => HttpResponse.json(entityState())),
      acrInstancesResponse([HANGZHOU_INSTANCE, SHANGHAI_INSTANCE]),
      clustersHandler,
    );
    const onCreate = await renderForm();
    await enterService('ml-trainer');
    await userEvent.click(
      await screen.findByRole('radio', { name: /imc-2ze0abc123def456/ }),
    );
    await userEvent.click(
      screen.getByRole('radio', { name: /cri-shanghai7k2m9x4p/ }),
    );
    expect(screen.getByTestId('acr-picker-value')).toHaveTextContent(
      'cn-shanghai:cri-shanghai7k2m9x4p',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith({
      service: 'ml-trainer',
      imageCacheId: 'imc-2ze0abc123def456',
      acrInstanceId: 'cn-shanghai:cri-shanghai7k2m9x4p',
    });
  });

  it('keeps the step open with a field error when the chosen cache can no longer be pinned', async () => {
    let expired = false;
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(
          stateWithCaches([
            cacheView(expired ? { expired: true, daysLeft: -1 } : {}),
          ]),
        ),
      ),
      acrInstancesResponse([HANGZHOU_INSTANCE]),
      clustersHandler,
    );
    const onCreate = await renderForm();
    await enterService('ml-trainer');
    await userEvent.click(
      await screen.findByRole('radio', { name: /imc-2ze0abc123def456/ }),
    );

    // The cache expires while the form is open.
    expired = true;
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    // The form's error list names the field, and the field shows the error itself.
    const message =
      /Cache imc-2ze0abc123def456 cannot be pinned: ml-trainer-3f9a1c2b7d \(imc-2ze0abc123def456\) expired on \S+\.$/;
    expect(
      await screen.findByText(new RegExp(`^'Pinned cache' ${message.source}`)),
    ).toBeInTheDocument();
    expect(
      screen.getByText(new RegExp(`^${message.source}`)),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    await waitFor(() => expect(onCreate).not.toHaveBeenCalled());
  });
});

/** Two pages like the new-service template: a name held to a rule, then the images. */
const newService = {
  title: 'New service',
  steps: [
    {
      title: 'Service',
      schema: {
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            title: 'Name',
            'ui:field': 'EciValidatedText',
            'ui:options': { rule: 'name' },
          },
        },
      },
    },
    {
      title: 'Images',
      schema: {
        properties: {
          images: {
            type: 'array',
            items: { type: 'string' },
            title: 'Images',
            'ui:field': 'EciImages',
          },
        },
      },
    },
  ],
};

/** Replaces what the text field holds, as a user would. */
async function retype(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  await userEvent.type(field, text);
}

describe('a step with a field error', () => {
  it('goes on once the value is corrected', async () => {
    const onCreate = await renderForm(newService);
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await userEvent.type(name, 'Checkout_Svc');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findAllByText(/"Checkout_Svc" is not a DNS-1123 label/),
    ).not.toHaveLength(0);

    await retype(name, 'checkout');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const images = await screen.findByRole('textbox', { name: /^Images/ });
    expect(screen.queryByText(/is not a DNS-1123 label/)).toBeNull();

    await userEvent.type(images, 'Not An Image');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findAllByText(/"Not An Image" contains spaces/),
    ).not.toHaveLength(0);

    await retype(images, 'docker.io/library/nginx:1.27');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith({
      name: 'checkout',
      images: ['docker.io/library/nginx:1.27'],
    });
  });
});
