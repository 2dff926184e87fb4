// What an export holds of an extension: the fields the app shows an agent, flattened to text.
// Exports and their parsers both go through this shape, so "re-parses to the same directory"
// means equal DirectoryRows. No secret has a field here (the domain types hold none).
import type { CallerId, Extension } from '../shared/domain.js';

export interface DirectoryRow {
  number: string;
  name: string;
  email: string;
  language: string;
  internalCid: string;
  externalCid: string;
  emergencyCid: string;
  queues: { name: string; penalty: number }[];
  devices: { name: string; technology: string; user: string; description: string; ring: boolean }[];
}

export function formatCallerId(cid: CallerId | null): string {
  if (!cid) return '';
  if (!cid.name) return cid.number;
  return `"${cid.name}" <${cid.number}>`;
}

export function toRow(ext: Extension): DirectoryRow {
  return {
    number: ext.number,
    name: ext.name,
    email: ext.email ?? '',
    language: ext.language ?? '',
    internalCid: formatCallerId(ext.internalCid),
    externalCid: formatCallerId(ext.externalCid),
    emergencyCid: formatCallerId(ext.emergencyCid),
    queues: ext.queues.map((q) => ({ name: q.name, penalty: q.penalty })),
    devices: ext.devices.map((d) => ({
      name: d.name,
      technology: d.technology,
      user: d.user,
      description: d.description,
      ring: d.ring,
    })),
  };
}
