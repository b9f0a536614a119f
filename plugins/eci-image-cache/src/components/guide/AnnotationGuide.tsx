import { Entity } from '@backstage/catalog-model';
import { CodeSnippet } from '@backstage/core-components';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import {
  ANNOTATION_ACR_INSTANCE_ID,
  ANNOTATION_ARGO_NAMESPACE,
  ANNOTATION_ECI_CLUSTER,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
  ANNOTATION_ECI_IMAGE_CACHE_SIZE,
  ANNOTATION_ECI_IMAGE_PULL_SECRETS,
  ANNOTATION_ECI_IMAGES,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Fragment } from 'react';
import { identifier } from '../common/styles';
import { catalogInfoSnippet } from './catalogInfoSnippet';

const ANNOTATION_MEANINGS: ReadonlyArray<[string, string]> = [
  [ANNOTATION_ECI_IMAGES, 'Images to cache, comma-separated (1–20).'],
  [
    ANNOTATION_ECI_IMAGE_CACHE,
    'manual (a managed ImageCache, pinned by id), auto (ECI matches caches itself) or off.',
  ],
  [
    ANNOTATION_ECI_IMAGE_CACHE_SIZE,
    'Cache size in GiB, 20–32768 (default 20).',
  ],
  [ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS, 'Days until the cache expires.'],
  [
    ANNOTATION_ECI_IMAGE_PULL_SECRETS,
    'Pull secrets for private images, namespace:name.',
  ],
  [
    ANNOTATION_ACR_INSTANCE_ID,
    'ACR Enterprise Edition instance, [RegionID:]cri-….',
  ],
  [ANNOTATION_ECI_CLUSTER, 'Target cluster (default: the default cluster).'],
  [ANNOTATION_ARGO_NAMESPACE, 'Namespace of the Argo workflows.'],
];

/** What an entity without the contract annotations sees: why, and what to add. */
export function AnnotationGuide(props: { entity: Entity }) {
  const { entity } = props;
  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-small" weight="bold">
          Start pods warm with ECI image caches
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          <Text as="p">
            <strong>{entity.metadata.name}</strong> has no image cache
            annotations yet, so its Argo Workflow pods pull every image on every
            start. Add the annotations below to its{' '}
            <code>catalog-info.yaml</code>: the portal then keeps an ECI image
            cache for these images, writes the ACR password-free pull annotation
            and generates workflows that use both.
          </Text>
          <section aria-label="catalog-info.yaml example">
            <CodeSnippet
              text={catalogInfoSnippet(entity)}
              language="yaml"
              showCopyCodeButton
            />
          </section>
          <dl
            aria-label="Annotations"
            style={{
              display: 'grid',
              gridTemplateColumns: 'max-content 1fr',
              gap: 'var(--bui-space-2, 8px) var(--bui-space-4, 16px)',
              margin: 0,
            }}
          >
            {ANNOTATION_MEANINGS.map(([name, meaning]) => (
              <Fragment key={name}>
                <dt>
                  <code style={identifier}>{name}</code>
                </dt>
                <dd style={{ margin: 0 }}>
                  <Text variant="body-small" color="secondary">
                    {meaning}
                  </Text>
                </dd>
              </Fragment>
            ))}
          </dl>
        </Flex>
      </CardBody>
    </Card>
  );
}
