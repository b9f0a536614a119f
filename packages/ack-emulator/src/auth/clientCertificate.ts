import { X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

/** The user and groups a verified client certificate names. */
export interface CertificateIdentity {
  name: string;
  groups: string[];
}

const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';

/** Values of one attribute in an X.509 subject such as `CN=backstage\nO=a\nO=b`. */
function attribute(subject: string, key: string): string[] {
  return subject
    .split('\n')
    .filter(line => line.startsWith(`${key}=`))
    .map(line => line.slice(key.length + 1));
}

/**
 * kube-apiserver's x509 authenticator: a client certificate that the cluster CA
 * signed, valid now and usable for client authentication, authenticates the user
 * of its CN, in the groups of its O attributes. The TLS listener requests a
 * certificate without requiring one (token users have none), and without adding
 * the CA to its own chain, so the chain is verified here.
 */
export function clientCertificateIdentity(
  socket: Socket,
  ca: X509Certificate,
): CertificateIdentity | undefined {
  const tls = socket as TLSSocket;
  if (!tls.encrypted) return undefined;
  const peer = tls.getPeerX509Certificate();
  if (!peer || !peer.checkIssued(ca) || !peer.verify(ca.publicKey))
    return undefined;
  const now = Date.now();
  if (now < Date.parse(peer.validFrom) || now > Date.parse(peer.validTo))
    return undefined;
  if (peer.keyUsage && !peer.keyUsage.includes(CLIENT_AUTH_OID))
    return undefined;
  const name = attribute(peer.subject, 'CN')[0];
  if (!name) return undefined;
  return { name, groups: attribute(peer.subject, 'O') };
}
