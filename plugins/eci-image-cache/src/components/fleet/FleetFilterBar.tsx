import { ImageCacheOrigin } from '@eci-portal/plugin-eci-image-cache-common';
import { Flex } from '@backstage/ui';
import { CSSProperties, ReactNode } from 'react';
import { FleetFilters, ORIGIN_LABELS } from '../../state/fleetQuery';

const control: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 'var(--bui-space-1, 4px)',
  whiteSpace: 'nowrap',
  color: 'var(--bui-fg-primary)',
  fontSize: 'var(--bui-font-size-3, 0.875rem)',
};

const dayInput: CSSProperties = { width: '4.5em' };

const MAX_DAYS = 3650;

function Toggle(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <span style={control}>
      <label style={control}>
        <input
          type="checkbox"
          checked={props.checked}
          onChange={event => props.onChange(event.target.checked)}
        />
        {props.label}
      </label>
      {props.children}
    </span>
  );
}

function Days(props: {
  label: string;
  value: number;
  min: number;
  onChange: (days: number) => void;
}) {
  return (
    <label style={control}>
      <input
        type="number"
        aria-label={props.label}
        min={props.min}
        max={MAX_DAYS}
        value={props.value}
        style={dayInput}
        onChange={event => {
          const days = Number(event.target.value);
          if (Number.isInteger(days) && days >= props.min && days <= MAX_DAYS) {
            props.onChange(days);
          }
        }}
      />
      days
    </label>
  );
}

type DayFilter = {
  label: string;
  toggle: 'expiring' | 'unused';
  days: 'expiringDays' | 'unusedDays';
  min: number;
};

const DAY_FILTERS: DayFilter[] = [
  {
    label: 'Expiring within',
    toggle: 'expiring',
    days: 'expiringDays',
    min: 0,
  },
  { label: 'Unused for', toggle: 'unused', days: 'unusedDays', min: 0 },
];

const FLAG_FILTERS: Array<{ label: string; toggle: 'failed' | 'orphaned' }> = [
  { label: 'Failed', toggle: 'failed' },
  { label: 'Orphaned (owner gone)', toggle: 'orphaned' },
];

/** The fleet's filters: each one narrows the rows, the totals and the cost. */
export function FleetFilterBar(props: {
  filters: FleetFilters;
  clusters: string[];
  onChange: (change: Partial<FleetFilters>) => void;
}) {
  const { filters, onChange } = props;
  return (
    <Flex gap="4" align="center" style={{ flexWrap: 'wrap' }}>
      {DAY_FILTERS.map(filter => (
        <Toggle
          key={filter.toggle}
          label={filter.label}
          checked={filters[filter.toggle]}
          onChange={checked => onChange({ [filter.toggle]: checked })}
        >
          <Days
            label={`${filter.label} days`}
            min={filter.min}
            value={filters[filter.days]}
            onChange={days => onChange({ [filter.days]: days })}
          />
        </Toggle>
      ))}
      {FLAG_FILTERS.map(filter => (
        <Toggle
          key={filter.toggle}
          label={filter.label}
          checked={filters[filter.toggle]}
          onChange={checked => onChange({ [filter.toggle]: checked })}
        />
      ))}
      <label style={control}>
        Cluster
        <select
          value={filters.cluster}
          onChange={event => onChange({ cluster: event.target.value })}
        >
          <option value="">All clusters</option>
          {props.clusters.map(name => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label style={control}>
        Origin
        <select
          value={filters.origin}
          onChange={event =>
            onChange({ origin: event.target.value as ImageCacheOrigin | '' })
          }
        >
          <option value="">All origins</option>
          {Object.entries(ORIGIN_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </Flex>
  );
}
