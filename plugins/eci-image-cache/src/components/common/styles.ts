import { CSSProperties } from 'react';

// Inline styles on Backstage UI's theme variables, so light and dark themes both apply.

export const monospace: CSSProperties = {
  fontFamily: 'var(--bui-font-monospace, monospace)',
  fontSize: 'var(--bui-font-size-2, 0.8125rem)',
  overflowWrap: 'anywhere',
};

/** Identifiers (cache names and ids) read and copied whole, so they never wrap. */
export const identifier: CSSProperties = {
  ...monospace,
  overflowWrap: 'normal',
  whiteSpace: 'nowrap',
};

export const table: CSSProperties = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: 'var(--bui-font-size-3, 0.875rem)',
  color: 'var(--bui-fg-primary)',
};

export const headerCell: CSSProperties = {
  textAlign: 'left',
  fontWeight: 'var(--bui-font-weight-bold, 600)' as CSSProperties['fontWeight'],
  color: 'var(--bui-fg-secondary)',
  padding: 'var(--bui-space-2, 8px)',
  borderBottom: '1px solid var(--bui-border-1, rgba(128,128,128,0.3))',
  whiteSpace: 'nowrap',
};

export const cell: CSSProperties = {
  padding: 'var(--bui-space-2, 8px)',
  borderBottom: '1px solid var(--bui-border-1, rgba(128,128,128,0.3))',
  verticalAlign: 'top',
};

export const secondaryText: CSSProperties = {
  color: 'var(--bui-fg-secondary)',
  fontSize: 'var(--bui-font-size-2, 0.8125rem)',
};

export const plainList: CSSProperties = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

/** Parts of one line (an option's id, name, state) that wrap as whole parts. */
export const partsLine: CSSProperties = {
  display: 'inline-flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  columnGap: 'var(--bui-space-2, 8px)',
};
