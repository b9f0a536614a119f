import {
  EffectiveEntityConfig,
  SavedEntitySettings,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { readableError } from '../../api/readableError';
import { ActionPermission } from '../../hooks/useEntityActionPermissions';
import { usePendingAction } from '../../hooks/usePendingAction';
import { savedSettingRows } from '../../state/savedSettingRows';
import { RelativeTime } from '../common/RelativeTime';
import {
  cell,
  headerCell,
  monospace,
  secondaryText,
  table,
} from '../common/styles';
import { PermissionGatedButton } from '../permissions/PermissionGatedButton';

/**
 * The settings saved in the portal for this entity, each marked when a catalog annotation
 * overrides it, with a reset that removes them all.
 */
export function SavedSettingsCard(props: {
  saved: SavedEntitySettings;
  config: EffectiveEntityConfig | null;
  permission: ActionPermission;
  deniedReason: string;
  onReset: () => Promise<void>;
}) {
  const { saved, config, permission, deniedReason, onReset } = props;
  const rows = savedSettingRows(saved.settings, config);
  const reset = usePendingAction(onReset);
  if (rows.length === 0) {
    return null;
  }
  const shadowed = rows.filter(row => row.shadowedBy !== undefined).length;
  return (
    <Card role="region" aria-label="Saved settings">
      <CardHeader>
        <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }}>
          <div>
            <Text as="h2" variant="title-x-small" weight="bold">
              Saved settings
            </Text>
            <Text as="p" variant="body-small" color="secondary">
              Saved by {saved.updatedBy} <RelativeTime iso={saved.updatedAt} />.
              {shadowed > 0
                ? ` ${shadowed} of them ${
                    shadowed === 1 ? 'has' : 'have'
                  } no effect: catalog-info.yaml sets the same field.`
                : ''}
            </Text>
          </div>
          <PermissionGatedButton
            permission={permission}
            deniedReason={deniedReason}
            size="small"
            variant="secondary"
            loading={reset.pending}
            onPress={reset.run}
          >
            Reset saved settings
          </PermissionGatedButton>
        </Flex>
      </CardHeader>
      <CardBody>
        {reset.error ? (
          <Alert
            status="danger"
            icon
            title="The saved settings were not reset."
            description={readableError(reset.error)}
          />
        ) : null}
        <table style={table} aria-label="Saved settings">
          <thead>
            <tr>
              <th style={headerCell}>Setting</th>
              <th style={headerCell}>Saved value</th>
              <th style={headerCell}>In effect</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr key={row.key}>
                <td style={cell}>{row.label}</td>
                <td style={{ ...cell, ...monospace }}>{row.value}</td>
                <td style={cell}>
                  {row.shadowedBy === undefined ? (
                    'yes'
                  ) : (
                    <span
                      style={{
                        color: 'var(--bui-warning-fg-subdued, #aa4d00)',
                      }}
                    >
                      no: the annotation sets{' '}
                      <code style={monospace}>{row.shadowedBy}</code>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Text as="p" variant="body-small" style={secondaryText}>
          Catalog annotations take precedence over saved settings.
        </Text>
      </CardBody>
    </Card>
  );
}
