import { screen, waitFor } from '@testing-library/react';
import { docsSite } from '../../__testUtils__/fixtures';
import { renderTab } from '../../__testUtils__/renderTab';

describe('Image Cache tab without annotations', () => {
  it('shows the opt-in guide with a catalog-info.yaml snippet for the entity', async () => {
    await renderTab(docsSite);
    expect(
      await screen.findByRole('heading', {
        name: 'Start pods warm with ECI image caches',
      }),
    ).toBeInTheDocument();
    const snippet = screen.getByRole('region', {
      name: 'catalog-info.yaml example',
    });
    // The syntax highlighter loads lazily.
    await waitFor(() => expect(snippet).toHaveTextContent('name: docs-site'));
    expect(snippet).toHaveTextContent(
      'alibabacloud.com/eci-image-cache: manual',
    );
    expect(snippet).toHaveTextContent(
      'alibabacloud.com/eci-images: registry.example.com/team/docs-site:1.0.0',
    );
  });
});
