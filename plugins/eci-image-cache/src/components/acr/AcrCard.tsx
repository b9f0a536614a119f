import {
  ClusterAcrView,
  EntityStateResponse,
  ImageAcrView,
  isPublicRegistry,
  POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import {
  RiAlertLine,
  RiCheckLine,
  RiGlobalLine,
  RiKey2Line,
} from '@remixicon/react';
import { ActionPermission } from '../../hooks/useEntityActionPermissions';
import { CopyButton } from '../common/CopyButton';
import { Message } from '../common/Message';
import {
  cell,
  headerCell,
  monospace,
  secondaryText,
  table,
} from '../common/styles';
import { PermissionGatedButton } from '../permissions/PermissionGatedButton';

const SOURCE_TEXT: Record<
  ClusterAcrView['instances'][number]['source'],
  string
> = {
  annotation: 'from the catalog annotation',
  settings: 'from saved settings',
  'image-domain': 'serves one of the images',
};

const SETTING_SOURCE = {
  annotation: 'from the catalog annotation',
  settings: 'from saved settings',
  default: 'default',
};

function ClusterAcr(props: { acr: ClusterAcrView }) {
  const { acr } = props;
  if (acr.annotationValue === null || acr.instances.length === 0) {
    return (
      <Text as="p" color="secondary">
        No ACR Enterprise Edition instance applies on {acr.cluster}: pods pull
        with their pull secrets, or anonymously from public registries.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="2">
      <div>
        <Text variant="body-small" color="secondary">
          Workflows on {acr.cluster} get{' '}
          <code style={monospace}>{POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY}</code>
        </Text>
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <code
            style={{ ...monospace, fontSize: 'var(--bui-font-size-4, 1rem)' }}
            data-testid={`acr-annotation-${acr.cluster}`}
          >
            {acr.annotationValue}
          </code>
          <CopyButton
            iconOnly
            text={acr.annotationValue}
            label="Copy the ACR annotation value"
          />
        </div>
      </div>
      {acr.instances.map(instance => (
        <dl
          key={instance.id}
          style={{
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            gap: 'var(--bui-space-1, 4px) var(--bui-space-4, 16px)',
            margin: 0,
          }}
        >
          <dt style={secondaryText}>Instance</dt>
          <dd style={{ margin: 0 }}>
            <code style={monospace}>{instance.id}</code>{' '}
            <span style={secondaryText}>{SOURCE_TEXT[instance.source]}</span>
          </dd>
          <dt style={secondaryText}>Instance region</dt>
          <dd style={{ margin: 0 }}>
            {instance.instanceRegion ??
              `not given, so taken to be the cluster's (${acr.clusterRegion})`}
          </dd>
          <dt style={secondaryText}>Cluster region</dt>
          <dd style={{ margin: 0 }}>{acr.clusterRegion}</dd>
          <dt style={secondaryText}>Why this value</dt>
          <dd style={{ margin: 0 }}>{instance.reason}</dd>
        </dl>
      ))}
    </Flex>
  );
}

const positive = 'var(--bui-positive-fg-subdued, #0c632b)';
const warning = 'var(--bui-warning-fg-subdued, #aa4d00)';
const inline = { display: 'inline-flex', gap: 4, alignItems: 'center' };

/** How pods get one image: password-free, with a pull secret, anonymously, or not at all. */
function PullRoute(props: { image: ImageAcrView; pullSecrets: string[] }) {
  const { image, pullSecrets } = props;
  if (image.onAcrEnterprise) {
    return (
      <span style={{ ...inline, color: positive }}>
        <RiCheckLine size={16} aria-hidden />
        Password-free via {image.acrInstanceId}
        {image.acrInstanceRegion ? ` (${image.acrInstanceRegion})` : ''}
      </span>
    );
  }
  if (pullSecrets.length > 0) {
    return (
      <span style={{ ...inline, color: positive }}>
        <RiKey2Line size={16} aria-hidden />
        With pull secret {pullSecrets.join(', ')}
      </span>
    );
  }
  if (isPublicRegistry(image.registry)) {
    return (
      <span style={inline}>
        <RiGlobalLine size={16} aria-hidden />
        Public registry: pulled anonymously
      </span>
    );
  }
  return (
    <span style={{ ...inline, color: warning }}>
      <RiAlertLine size={16} aria-hidden />
      Private registry without ACR EE: needs a pull secret
    </span>
  );
}

function ImagesTable(props: { images: ImageAcrView[]; pullSecrets: string[] }) {
  return (
    <table style={table} aria-label="Images and their registries">
      <thead>
        <tr>
          <th style={headerCell}>Image</th>
          <th style={headerCell}>Pull</th>
        </tr>
      </thead>
      <tbody>
        {props.images.map(image => (
          <tr key={image.image} data-testid={`image-pull-${image.image}`}>
            <td style={{ ...cell, ...monospace }}>{image.image}</td>
            <td style={cell}>
              <PullRoute image={image} pullSecrets={props.pullSecrets} />
              {image.message && !image.onAcrEnterprise ? (
                <div style={secondaryText}>
                  <Message text={image.message} />
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The ACR password-free pull configuration: the value written, why, and images it cannot cover. */
export function AcrCard(props: {
  state: EntityStateResponse;
  clusters: ClusterAcrView[];
  permission: ActionPermission;
  deniedReason: string;
  onEdit: () => void;
}) {
  const { state, clusters, permission, deniedReason, onEdit } = props;
  const pullSecrets = state.config?.imagePullSecrets.value ?? [];
  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="center">
          <Text as="h2" variant="title-x-small" weight="bold">
            ACR password-free pulls
          </Text>
          <PermissionGatedButton
            permission={permission}
            deniedReason={deniedReason}
            size="small"
            variant="secondary"
            isDisabled={!state.config}
            onPress={onEdit}
          >
            Edit ACR instance
          </PermissionGatedButton>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          {clusters.map(acr => (
            <ClusterAcr key={acr.cluster} acr={acr} />
          ))}
          {pullSecrets.length > 0 ? (
            <Text as="p" data-testid="pull-secrets">
              Pull secrets:{' '}
              <code style={monospace}>{pullSecrets.join(', ')}</code>{' '}
              <span style={secondaryText}>
                ({SETTING_SOURCE[state.config!.imagePullSecrets.source]})
              </span>
            </Text>
          ) : null}
          {state.images.length > 0 ? (
            <ImagesTable images={state.images} pullSecrets={pullSecrets} />
          ) : null}
        </Flex>
      </CardBody>
    </Card>
  );
}
