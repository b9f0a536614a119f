import { Flex, Skeleton, Text } from '@backstage/ui';
import { RiLoader4Line } from '@remixicon/react';

const block = {
  border: '1px solid var(--bui-border-1, rgba(128,128,128,0.3))',
  borderRadius: 'var(--bui-radius-3, 8px)',
};

/**
 * Placeholders with the tab's shape, so the first load does not make the page jump, under a
 * spinning line that says what is loading.
 */
export function TabSkeleton() {
  return (
    <Flex
      direction="column"
      gap="4"
      aria-busy="true"
      aria-label="Loading image caches"
    >
      <Flex gap="2" align="center" role="status">
        <RiLoader4Line className="eci-spin" size={20} aria-hidden />
        <Text>Loading the image caches of this service…</Text>
      </Flex>
      <Skeleton width="100%" height={132} style={block} />
      <Skeleton width="100%" height={220} style={block} />
      <Skeleton width="100%" height={180} style={block} />
    </Flex>
  );
}
