import { AcrValuePreview } from '../../components/acr/AcrValuePreview';
import { AcrChoice, ClusterRegion } from './acrChoices';

function clusterName(target: ClusterRegion): string {
  if (target.cluster && target.region) {
    return `${target.cluster} (${target.region})`;
  }
  return target.cluster ?? target.region ?? 'the cluster';
}

/** The ACR annotation value the chosen instance leads to on the cluster, and why. */
export function AcrPreview(props: {
  choice: AcrChoice;
  target: ClusterRegion;
}) {
  return (
    <AcrValuePreview
      pods={clusterName(props.target)}
      value={props.choice.value}
      explanation={props.choice.explanation}
      testId="acr-picker-value"
    />
  );
}
