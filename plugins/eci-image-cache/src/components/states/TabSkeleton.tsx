import { Flex, Skeleton } from '@backstage/ui';

/** Placeholders with the tab's shape, so the first load does not make the page jump. */
export function TabSkeleton() {
  return (
    <Flex
      direction="column"
      gap="4"
      aria-busy="true"
      aria-label="Loading image caches"
    >
      <Skeleton width="100%" height={132} />
      <Skeleton width="100%" height={220} />
      <Skeleton width="100%" height={180} />
      <Skeleton width="100%" height={320} />
    </Flex>
  );
}
