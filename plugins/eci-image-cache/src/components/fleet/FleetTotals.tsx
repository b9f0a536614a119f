import { FleetCachesResponse } from '@eci-portal/plugin-eci-image-cache-common';
import { costText, gibText } from '../../state/fleetQuery';
import { cell, headerCell, table } from '../common/styles';

const numeric = { textAlign: 'right' as const };

/** Count, GiB and (with a configured price) the monthly cost per cluster, over every filtered row. */
export function FleetTotals(props: { fleet: FleetCachesResponse }) {
  const { totals, pricing } = props.fleet;
  return (
    <table style={{ ...table, width: 'auto' }} aria-label="Totals per cluster">
      <thead>
        <tr>
          <th style={headerCell}>Cluster</th>
          <th style={{ ...headerCell, ...numeric }}>Caches</th>
          <th style={{ ...headerCell, ...numeric }}>Size</th>
          {pricing && (
            <th style={{ ...headerCell, ...numeric }}>Est. monthly cost</th>
          )}
        </tr>
      </thead>
      <tbody>
        {totals.map(total => (
          <tr key={total.cluster}>
            <td style={cell}>{total.cluster}</td>
            <td style={{ ...cell, ...numeric }}>{total.count}</td>
            <td style={{ ...cell, ...numeric }}>{gibText(total.sizeGiB)}</td>
            {pricing && (
              <td style={{ ...cell, ...numeric }}>
                {costText(total.monthlyCost, pricing.currency)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
