import { ReactNode } from 'react';
import { secondaryText } from './styles';

/** Labelled facts that wrap as whole pairs: `<Facts><Fact label="…">…</Fact></Facts>`. */
export function Facts(props: { children: ReactNode }) {
  return (
    <dl
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 'var(--bui-space-2, 8px) var(--bui-space-6, 24px)',
        margin: 0,
      }}
    >
      {props.children}
    </dl>
  );
}

export function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt style={secondaryText}>{props.label}</dt>
      <dd style={{ margin: 0, fontWeight: 600 }}>{props.children}</dd>
    </div>
  );
}
