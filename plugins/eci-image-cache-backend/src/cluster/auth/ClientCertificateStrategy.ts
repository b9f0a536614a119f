import { createPrivateKey, X509Certificate } from 'node:crypto';
import type {
  EciClusterAuthContext,
  EciClusterAuthStrategy,
  EciClusterConnection,
} from '@eci-portal/plugin-eci-image-cache-node';

/** Base64 of a PEM block, as a kubeconfig's `*-data` fields hold it; pasted PEM is accepted too. */
function readPem(
  context: EciClusterAuthContext,
  field: string,
  kubeconfigField: string,
): string {
  const value = context.config.getOptionalString(field)?.trim();
  if (!value) {
    throw context.invalid(
      field,
      `is required with authProvider "clientCertificate" (the kubeconfig's ${kubeconfigField})`,
    );
  }
  const pem = value.startsWith('-----BEGIN')
    ? value
    : Buffer.from(value, 'base64').toString('utf8');
  if (!pem.startsWith('-----BEGIN')) {
    throw context.invalid(
      field,
      `must be the base64 of a PEM block (copy ${kubeconfigField} as it is) or the PEM itself`,
    );
  }
  return pem;
}

/**
 * `authProvider: clientCertificate`: an x509 client certificate and its key, as
 * the kubeconfig an ACK console hands out carries them.
 */
export class ClientCertificateStrategy implements EciClusterAuthStrategy {
  connect(context: EciClusterAuthContext): EciClusterConnection {
    const certPem = readPem(
      context,
      'clientCertificateData',
      'client-certificate-data',
    );
    const keyPem = readPem(context, 'clientKeyData', 'client-key-data');
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(certPem);
    } catch (error) {
      throw context.invalid(
        'clientCertificateData',
        `is not a valid X.509 certificate (${(error as Error).message})`,
      );
    }
    try {
      if (!certificate.checkPrivateKey(createPrivateKey(keyPem))) {
        throw new Error(
          `it is not the key of the certificate of "${certificate.subject.replace(
            /\n/g,
            ', ',
          )}"`,
        );
      }
    } catch (error) {
      throw context.invalid(
        'clientKeyData',
        `is not a usable private key for clientCertificateData: ${
          (error as Error).message
        }`,
      );
    }
    return {
      endpoint: context.requireEndpoint(),
      user: {
        certData: Buffer.from(certPem).toString('base64'),
        keyData: Buffer.from(keyPem).toString('base64'),
      },
    };
  }
}
