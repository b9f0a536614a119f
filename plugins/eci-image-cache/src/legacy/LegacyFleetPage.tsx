import { Content, Header, Page } from '@backstage/core-components';
import { FleetContent } from '../components/fleet/FleetContent';

/** The fleet page in the legacy frontend system's page layout. */
export function LegacyFleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Image Cache Fleet"
        subtitle="Every ImageCache on every configured cluster"
      />
      <Content>
        <FleetContent />
      </Content>
    </Page>
  );
}
